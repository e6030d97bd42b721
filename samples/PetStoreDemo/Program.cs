using System;
using System.Net.Http;
using OpenApiClientGen.Runtime;
using PetStore;
using PetStoreDemo;

// A client generated at build time from tests/Specs/petstore.yaml, talking to an emulator on 127.0.0.1.
await using PetStoreEmulator emulator = await PetStoreEmulator.StartAsync();
using var client = new PetStoreClient(new HttpClient { BaseAddress = emulator.BaseAddress });

Console.WriteLine($"Pet Store emulator at {emulator.BaseAddress}");

Pet rex = await client.Pets.CreatePetAsync(new NewPet { Name = "Rex", Tag = "dog", Status = PetStatus.Available });
Pet tom = await client.Pets.CreatePetAsync(new NewPet { Name = "Tom", Status = PetStatus.Pending, Nickname = null });
Console.WriteLine($"created   #{rex.Id} {rex.Name} ({rex.Status}) and #{tom.Id} {tom.Name} ({tom.Status})");

foreach (Pet pet in await client.Pets.ListPetsAsync(limit: 10))
{
    Console.WriteLine($"listed    #{pet.Id} {pet.Name}, tag {pet.Tag ?? "-"}, nickname {(pet.Nickname.IsSet ? pet.Nickname.Value ?? "null" : "unset")}");
}

Pet fetched = await client.Pets.GetPetAsync(rex.Id.ToString());
Console.WriteLine($"fetched   #{fetched.Id} {fetched.Name}, born {fetched.Born:u}");

await client.Pets.DeletePetAsync(rex.Id.ToString());
Console.WriteLine($"deleted   #{rex.Id}");

try
{
    await client.Pets.GetPetAsync(rex.Id.ToString());
}
catch (ApiException error)
{
    Console.WriteLine($"not found {(int)error.StatusCode}: {error.Body}");
}

using System.Text;
using StackExchange.Redis;

namespace Tau2Observe.Distributed.Tests;

/// <summary>Everything a Redis server holds, as text (keys and values of every type), to look for what must not be there.</summary>
public static class RedisContents
{
    public static async Task<string> DumpAsync(string connectionString)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(connectionString + ",allowAdmin=true");
        var db = redis.GetDatabase();
        var text = new StringBuilder();
        foreach (var key in redis.GetServer(redis.GetEndPoints()[0]).Keys(pattern: "*"))
        {
            text.AppendLine(key.ToString());
            switch (await db.KeyTypeAsync(key))
            {
                case RedisType.String:
                    text.AppendLine(await db.StringGetAsync(key));
                    break;
                case RedisType.Hash:
                    foreach (var entry in await db.HashGetAllAsync(key)) text.AppendLine($"{entry.Name}={entry.Value}");
                    break;
                case RedisType.List:
                    foreach (var item in await db.ListRangeAsync(key)) text.AppendLine(item);
                    break;
                case RedisType.Set:
                    foreach (var item in await db.SetMembersAsync(key)) text.AppendLine(item);
                    break;
                case RedisType.SortedSet:
                    foreach (var item in await db.SortedSetRangeByRankAsync(key)) text.AppendLine(item);
                    break;
            }
        }
        return text.ToString();
    }
}

using Microsoft.AspNetCore.Http;

public static class TodoEndpoints
{
    private const int PageSize = 200;

    public static void Map(WebApplication app)
    {
        app.MapGet("/todos/{id}", async (int id, TodoDb db) =>
                await db.Todos.FindAsync(id) is Todo todo ? Results.Ok(todo) : Results.NotFound())
            .Produces<Todo>(StatusCodes.Status200OK) // @want StatusCodes.Status200OK=200:documented
            .Produces(404) // @want 404:documented
            .ProducesProblem(500); // @want 500:documented

        app.MapGet("/todos", (TodoDb db, int page) =>
        {
            var items = db.Todos.Skip(page * PageSize).Take(PageSize);
            if (items.Count() > (PageSize - 1))
                return Results.Ok(items.Take(200));
            return Results.Ok(items);
        }).Produces<List<Todo>>(StatusCodes.Status200OK); // @want StatusCodes.Status200OK=200:documented
    }
}

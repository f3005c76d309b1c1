using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Shop.Api.Controllers;

[ApiController]
[Route("api/[controller]")]
public class OrdersController : ControllerBase
{
    private const int MaxItems = 200;

    /// <summary>Gets an order; responds 404 when it is missing.</summary> @want 404:comment
    [HttpGet("{id}")]
    [ProducesResponseType(typeof(Order), 200)] // @want 200:documented
    [ProducesResponseType(StatusCodes.Status404NotFound)] // @want StatusCodes.Status404NotFound=404:documented
    public IActionResult Get(int id)
    {
        var order = _repo.Find(id, MaxItems);
        if (order == null)
        {
            return StatusCode(404, new { error = "not found" }); // @want 404:status
        }
        if (order.Locked)
        {
            return new ObjectResult("locked") { StatusCode = 423 }; // @want 423:status
        }
        Response.StatusCode = 203; // @want 203:status
        Response.StatusCode = order.Partial ? 206 : 200; // @want 206:status 200:status
        _limiter.RejectionStatusCode = 429; // @want 429:status
        _limiter.StatusCodeWindow = 200;
        _shell.ExitStatusCode = 127;
        var pageSize = order.Partial ? 100 : 200;
        Thread.Sleep(500);
        return Ok(order);
    }

    [HttpPost]
    public IActionResult Create(Order o)
    {
        if (o.Items.Count > 500)
            return Problem(statusCode: 413, title: "too many items"); // @want 413:status
        return StatusCode(StatusCodes.Status201Created); // @want StatusCodes.Status201Created=201
    }

    public async Task<bool> Ping(HttpClient client)
    {
        var resp = await client.GetAsync("https://example.com:8443/ping");
        if (resp.StatusCode == HttpStatusCode.NotFound) return false; // @want HttpStatusCode.NotFound=404:compare
        Assert.Equal(200, (int)resp.StatusCode); // @want 200:expected
        var forced = (HttpStatusCode)429; // @want 429:status
        return (int)resp.StatusCode == 200; // @want 200:compare
    }
}

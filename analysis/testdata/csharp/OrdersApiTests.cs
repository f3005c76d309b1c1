using System.Net;
using FluentAssertions;
using NUnit.Framework;

namespace Shop.Api.Tests;

public class OrdersApiTests
{
    [Test]
    public async Task GetMissingOrderReturns404()
    {
        var response = await _client.GetAsync("/api/orders/999");
        Assert.That((int)response.StatusCode, Is.EqualTo(404)); // @want 404:expected
        ((int)response.StatusCode).Should().Be(404); // @want 404:expected
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound)); // @want HttpStatusCode.NotFound=404:expected
        var orders = await _client.GetFromJsonAsync<Order[]>("/api/orders?limit=200");
        Assert.That(orders.Length, Is.EqualTo(200));
        ((int)orders.Length).Should().Be(404);
    }

    [Test]
    public void MiddlewareSetsTheStatus()
    {
        var context = new DefaultHttpContext();
        context.Response.StatusCode = (int)HttpStatusCode.BadRequest; // @want HttpStatusCode.BadRequest=400:status
        if ((int)context.Response.StatusCode >= 500) // @want 500:bound
            Assert.Fail("server error");
        var budget = (int)TimeSpan.FromMilliseconds(500).TotalMilliseconds;
    }
}

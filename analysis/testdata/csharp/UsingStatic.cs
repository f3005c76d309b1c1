using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using static Microsoft.AspNetCore.Http.StatusCodes;
using static System.Net.HttpStatusCode;

namespace Shop.Api.Controllers;

[ApiController]
public class InvoicesController : ControllerBase
{
    [HttpGet("{id}")]
    [ProducesResponseType(typeof(Invoice), Status200OK)] // @want Status200OK=200:documented
    [ProducesResponseType(Status404NotFound)] // @want Status404NotFound=404:documented
    public IActionResult Get(int id)
    {
        var invoice = _invoices.Find(id);
        if (invoice == null)
            return NotFound();
        if (invoice.Voided)
            return StatusCode(Status400BadRequest); // @want Status400BadRequest=400:status
        return Ok(invoice);
    }

    public bool IsUnauthorized(HttpResponseMessage response) => response.StatusCode == Unauthorized; // @want Unauthorized=401:compare
}

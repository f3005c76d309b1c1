<?php

namespace App\Http\Controllers;

use Symfony\Component\HttpFoundation\Response;

class OrderController extends Controller
{
    private const PAGE_SIZE = 200;

    // The messages shown on the error pages, keyed as Guzzle's PSR-7 response keys its phrases.
    private const PHRASES = [
        207 => 'Multi-status', // @want 207:mention
        508 => 'Loop Detected', // @want 508
        200 => 'Loop Detected',
    ];

    // Responds 403 when the user may not see the order. @want 403:comment
    public function show(Request $request, int $id)
    {
        $order = Order::find($id);
        abort_if($order === null, 404); // @want 404:error
        if ($order->locked) {
            abort(423, 'Locked'); // @want 423:error
        }
        if ($request->wantsJson()) {
            return response()->json($order, 200); // @want 200:status
        }
        http_response_code(201); // @want 201
        header('Location: /orders/' . $id, true, 303); // @want 303:status
        header("HTTP/1.1 404 Not Found"); // @want 404:string
        usleep(500);
        return new Response($order->toJson(), Response::HTTP_OK, ['X-Limit' => 200]); // @want Response::HTTP_OK=200
    }

    public function store(Request $request)
    {
        $status = $request->has('items') ? 201 : 422; // @want 201:status 422:status
        return redirect('/orders', 301); // @want 301:redirect
    }
}

class OrderTest extends TestCase
{
    public function test_missing_order_is_404(): void
    {
        $this->get('/orders/404')->assertStatus(404); // @want 404#2:expected
        $this->assertEquals(200, $response->getStatusCode()); // @want 200:expected
        $this->assertEquals(200, count($items));
    }
}

import { Controller, Get, HttpCode, HttpException, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { NextResponse } from 'next/server';

const MAX_ITEMS = 200;
const TIMEOUT_MS = 500;

@Controller('items')
export class ItemsController {
  @Post()
  @HttpCode(204) // @want 204:status
  @ApiResponse({ status: 201, description: 'The item was created.' }) // @want 201:documented
  @ApiResponse({ status: HttpStatus.FORBIDDEN, description: 'Forbidden.' }) // @want HttpStatus.FORBIDDEN=403
  create(): void {}

  @Get(':id')
  findOne(@Param('id') id: string): Item {
    const item = this.items.get(id);
    if (!item) {
      throw new HttpException('Item not found', HttpStatus.NOT_FOUND); // @want HttpStatus.NOT_FOUND=404:error
    }
    if (item.locked) {
      throw new HttpException('Forbidden', 403); // @want 403:error
    }
    return item.slice(0, MAX_ITEMS);
  }
}

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (!url.searchParams.get('q')) {
    return NextResponse.json({ error: 'missing q' }, { status: 400 }); // @want 400:status
  }
  if (url.pathname === '/old') {
    return NextResponse.redirect(new URL('/new', request.url), 308); // @want 308:redirect
  }
  return new Response(JSON.stringify({ ok: true }), { // a 200 response by default @want 200:comment
    status: 200, // @want 200:status
    headers: { 'Cache-Control': 'max-age=300' },
  });
}

export const koaHandler = async (ctx: Context) => {
  ctx.status = 404; // @want 404:status
  ctx.throw(401, 'login required'); // @want 401:error
  ctx.body = { retries: 3, delay: 500 };
};

type ApiError = { status: 404 | 500; message: string };

export function describe(e: ApiError): string {
  switch (e.status) {
    case 404: // @want 404:compare
      return 'missing';
    case 500: // @want 500
      return 'broken';
    default:
      return `status ${e.status}`;
  }
}

class OrdersController < ApplicationController
  PAGE_SIZE = 200

  # GET /orders/:id returns 404 when the order is missing. @want 404:comment
  def show
    @order = Order.find_by(id: params[:id])
    return head :not_found unless @order # @want :not_found=404:status
    render json: @order, status: :ok # @want :ok=200
  end

  def create
    @order = Order.new(order_params.merge(limit: 200))
    if @order.save
      render json: @order, status: 201 # @want 201:status
      render json: @order, status: @order.new_record? ? 201 : 200 # @want 201:status 200:status
      render json: @order, limit: params[:all] ? 500 : 100
    else
      render json: @order.errors, status: :unprocessable_entity # @want :unprocessable_entity=422
    end
  end

  def legacy
    redirect_to orders_path, status: :moved_permanently # @want :moved_permanently=301
    sleep 500
  end

  def file_response(range)
    status = 200 # @want 200:status:weak
    status = 206 if range # @want 206:status:weak
    [status, headers, body]
  end
end

class App < Sinatra::Base
  get '/health' do
    halt 503, 'down for maintenance' if maintenance? # @want 503:status
    status 204 # @want 204
    [200, { 'content-type' => 'text/plain' }, ['ok']] # @want 200:status
  end

  error 404 do # @want 404:error
    'missing'
  end
end

class OrdersTest < ActionDispatch::IntegrationTest
  test "missing order" do
    get "/orders/404"
    assert_response 404 # @want 404:expected
    assert_equal 200, last_response.status # @want 200:expected
    assert_equal 200, items.size
    expect(response).to have_http_status(:not_found) # @want :not_found=404:expected
    expect(last_response.status).to eq 200 # @want 200:expected
    expect(items.count).to eq 200
    ids = [200, 300, 404]
  end
end

# A Faraday middleware that turns error statuses into exceptions.
class RaiseOnError < Faraday::Middleware
  def on_complete(env)
    case env[:status]
    when 404 # @want 404:compare
      raise Faraday::ResourceNotFound, env
    when 409, 422 # @want 409:compare 422:compare
      raise Faraday::ConflictError, env
    when 500..599 then raise Faraday::ServerError, env # @want 500:bound
    end
    case env[:retries]
    when 100 then nil
    end
    retry_after = 300
  end
end

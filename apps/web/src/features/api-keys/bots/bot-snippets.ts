/**
 * Copy-paste examples that point common Binance client libraries at this server. Code is not
 * translated; the key placeholders are what a user replaces with the key made on this page.
 */
export interface BotSnippet {
  library: string;
  language: 'python' | 'javascript';
  code: string;
}

export interface BotUrls {
  /** Replaces https://api.binance.com. */
  rest: string;
  /** Replaces wss://stream.binance.com:9443. */
  streams: string;
}

/** The URLs of the Binance-compatible surface on the server that served this page. */
export function botUrls(location: Pick<Location, 'protocol' | 'host' | 'origin'>): BotUrls {
  const ws = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return { rest: `${location.origin}/binance`, streams: `${ws}//${location.host}/binance` };
}

export function botSnippets({ rest }: BotUrls): BotSnippet[] {
  return [
    {
      library: 'python-binance',
      language: 'python',
      code: `from binance.client import Client

# Set before creating the client: it pings the server when created.
Client.API_URL = "${rest}/api"
client = Client("YOUR_API_KEY", "YOUR_SECRET_KEY")

order = client.order_market_buy(symbol="BTCUSDT", quantity="0.001")
print(order["status"], order["fills"])
print(client.get_account()["balances"])`,
    },
    {
      library: 'ccxt (Python)',
      language: 'python',
      code: `import ccxt

exchange = ccxt.binance({
    "apiKey": "YOUR_API_KEY",
    "secret": "YOUR_SECRET_KEY",
    # Spot only, and no currency list: those use Binance's /sapi endpoints.
    "options": {"defaultType": "spot", "fetchMarkets": ["spot"], "fetchCurrencies": False},
})
exchange.urls["api"]["public"] = "${rest}/api/v3"
exchange.urls["api"]["private"] = "${rest}/api/v3"

order = exchange.create_market_buy_order("BTC/USDT", 0.001)
print(order["status"], exchange.fetch_balance()["USDT"])`,
    },
    {
      library: '@binance/spot (Node.js)',
      language: 'javascript',
      code: `import { Spot } from '@binance/spot';

const client = new Spot({
  configurationRestAPI: {
    apiKey: 'YOUR_API_KEY',
    apiSecret: 'YOUR_SECRET_KEY',
    basePath: '${rest}',
  },
});

const order = await client.restAPI.newOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: 0.001 });
console.log(await order.data());`,
    },
  ];
}

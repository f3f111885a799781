// One definition of candle lengths and bucket alignment (weeks open on Mondays), shared with the server.
export { INTERVAL_MS, bucketStart } from '@cryptosim/contracts';

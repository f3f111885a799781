import Type, { type Static } from 'typebox';
import { MarketWorld } from './market.js';

export const Liveness = Type.Object({ status: Type.Literal('ok') });
export type Liveness = Static<typeof Liveness>;

export const PortState = Type.Object({
  impl: Type.String({ description: 'Which implementation of the port this process uses' }),
  ok: Type.Boolean(),
  error: Type.Optional(Type.String()),
});
export type PortState = Static<typeof PortState>;

export const Readiness = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
  ports: Type.Record(Type.String(), PortState),
  world: Type.Optional(Type.Union([MarketWorld, Type.Null()], { description: 'the market this database belongs to; null until decided' })),
});
export type Readiness = Static<typeof Readiness>;

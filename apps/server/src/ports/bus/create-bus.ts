import type { Logger } from 'pino';
import type { BusPort } from './bus-port.js';
import { KafkaBus, type KafkaConsumerTuning } from './kafka-bus.js';
import { MemoryBus } from './memory-bus.js';

export interface CreateBusOptions {
  /** Kafka when given (non-empty); the in-process bus otherwise (embedded run mode). */
  kafkaBrokers?: string[];
  /** Prefixes Kafka topic and group names, e.g. `cryptosim.`; the in-process bus needs none. */
  topicPrefix: string;
  clientId: string;
  logger: Logger;
  /** Consumer timings; tests shorten them. */
  kafkaConsumer?: KafkaConsumerTuning;
}

/** Never throws for an unreachable broker: the bus reports it through health() and reconnects. */
export function createBus({ kafkaBrokers, topicPrefix, clientId, logger, kafkaConsumer }: CreateBusOptions): BusPort {
  if (kafkaBrokers && kafkaBrokers.length > 0) {
    return new KafkaBus({ brokers: kafkaBrokers, topicPrefix, clientId, logger, consumer: kafkaConsumer });
  }
  return new MemoryBus({ logger });
}

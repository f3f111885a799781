/**
 * In-process announcements between modules: one module announces a topic it owns and
 * exports, others listen, and the announcer never imports its listeners (trading announces
 * an account change; portfolio refreshes and pushes the portfolio). Listeners run in the
 * order they were added and are awaited, so an announcement done means its effects are.
 */
export interface Topic<T> {
  readonly name: string;
  /** Carries the payload type only; never set. */
  readonly payload?: T;
}

export const topic = <T>(name: string): Topic<T> => ({ name });

type Listener = (payload: never) => Promise<void>;

export class Announcements {
  private readonly listeners = new Map<string, Listener[]>();

  listen<T>(topic: Topic<T>, listener: (payload: T) => Promise<void>): void {
    const list = this.listeners.get(topic.name) ?? [];
    list.push(listener as Listener);
    this.listeners.set(topic.name, list);
  }

  async announce<T>(topic: Topic<T>, payload: T): Promise<void> {
    for (const listener of this.listeners.get(topic.name) ?? []) await (listener as (p: T) => Promise<void>)(payload);
  }
}

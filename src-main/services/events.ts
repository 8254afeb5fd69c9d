import { EventEmitter } from 'node:events';
import type { z } from 'zod';
import { events, type Events } from '../../src-shared/ipc/contract';

type Listener = (name: string, payload: unknown) => void;

/** Main-side events for the renderer(s); payloads are checked against the contract. */
export class EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(100);
  }

  emit<K extends keyof Events & string>(name: K, payload: z.input<Events[K]>): void {
    const checked = events[name].parse(payload);
    this.emitter.emit('event', name, checked);
  }

  /** How many transports listen (an event stream per open page): 0 once every page has gone. */
  listenerCount(): number {
    return this.emitter.listenerCount('event');
  }

  /** Every event, for a transport (an open page's event stream) to forward. */
  onAny(listener: Listener): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}

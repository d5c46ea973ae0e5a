import type { AgendaEntry, BenchCommand, Emitted, GenerationContext, Meeting, Topic } from './history-kind';
import type { Prng } from './prng';
import type { World } from './world';

/** Topics are numbered under this item ("3 Beslut- och informationspunkter": 3.1, 3.2, …), after the fixed opening items. */
export const TOPICS_UNDER = '3';

interface Draft extends Emitted {
  /** The agenda item it is decided under, or null. */
  readonly item: string | null;
}

interface OpenItem {
  readonly number: string;
  readonly kind: Topic['kind'];
  readonly title: string;
  readonly sentences: string[];
}

/**
 * One protocol being written: the commands of one meeting (or of a body's go-live) in the
 * order the ledger receives them, and the agenda their topics open. Numbering lives here so
 * that every command knows its item when it is emitted, while the meeting that lists the
 * items is recorded once all of them are known, and placed first.
 */
export class ProtocolSession implements GenerationContext {
  private readonly drafts: Draft[] = [];
  private readonly items = new Map<string, OpenItem>();
  private recorded = false;

  constructor(
    readonly world: World,
    readonly rng: Prng,
    private readonly meeting: Meeting,
    private readonly nextCommandId: () => string,
  ) {}

  emit(type: string, data: Record<string, unknown>, topic?: Topic): string {
    const item = topic && this.meeting.slug !== null ? this.itemFor(topic) : null;
    const draft: Draft = { commandId: this.nextCommandId(), type, data, item };
    this.drafts.push(draft);
    return draft.commandId;
  }

  agenda(): readonly AgendaEntry[] {
    return [...this.items.values()];
  }

  recordMeeting(data: Record<string, unknown>): string {
    if (this.meeting.slug === null) throw new Error('go-live is no meeting: nothing to record');
    if (this.recorded) throw new Error(`the meeting ${this.meeting.slug} is recorded twice`);
    this.recorded = true;
    const draft: Draft = { commandId: this.nextCommandId(), type: 'RecordMeeting', data, item: null };
    this.drafts.unshift(draft);
    return draft.commandId;
  }

  protocol(): readonly Emitted[] {
    return this.drafts;
  }

  /** The protocol as commands: each cites its document and item, and the recorded meeting when there is one. */
  commands(): BenchCommand[] {
    const { day, document, slug } = this.meeting;
    return this.drafts.map((d, line) => {
      // At go-live (no meeting) the item is the line of the organisation list that was loaded.
      const item = slug === null ? String(line + 1) : d.item;
      return {
        type: d.type,
        data: d.data,
        metadata: {
          commandId: d.commandId,
          decidedOn: day,
          source: { document, ...(item !== null && { item }) },
          ...(this.recorded && d.item !== null && slug !== null && { decision: { meeting: slug, item: d.item } }),
        },
      };
    });
  }

  private itemFor(topic: Topic): string {
    let item = this.items.get(topic.key);
    if (!item) {
      if (this.recorded) throw new Error(`topic "${topic.key}" opened after the meeting ${this.meeting.slug} was recorded: its kind must run before the meetings kind`);
      item = { number: `${TOPICS_UNDER}.${this.items.size + 1}`, kind: topic.kind, title: topic.title, sentences: [] };
      this.items.set(topic.key, item);
    }
    item.sentences.push(topic.says);
    return item.number;
  }
}

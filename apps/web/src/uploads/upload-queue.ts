import type { UploadTicket } from '@vitrine/api';
import { defaultMaxImageEdge, formatBytes } from '@vitrine/api/rules';
import type { Placeholder } from '../prepare/make-placeholder.ts';
import {
  type PhotoChange,
  type PreparedPhoto,
  type PrepareSettings,
  undecodableRefusal,
} from '../prepare/prepare-photo.ts';
import { toSentence } from '../to-sentence.ts';
import { checkChosenFile, checkRoom } from './check-chosen-file.ts';
import { maxSendAttempts, retryDelayMs } from './retry-delay.ts';
import {
  holdsPlace,
  isCancellable,
  isFinished,
  type UploadItem,
} from './upload-item.ts';
import type {
  CompleteResult,
  PutResult,
  RenewResult,
  SignResult,
  UploadPorts,
} from './upload-ports.ts';

/** At most this many files go to the store at once. */
export const maxConcurrentPuts = 3;

/**
 * A URL is renewed this long before it expires: a PUT that starts just
 * before the expiry may still be refused once the store reads it.
 */
const renewMarginMs = 30_000;

const refusedByStore = 'The upload was refused by storage; retry.';

const unexpected = 'Something went wrong on this page; retry.';

const unprepared =
  'This photo could not be read here; choose it again, or export it as ' +
  'a JPEG first.';

/** A confirm waits at most this long for a placeholder still being made. */
const placeholderWaitMs = 5_000;

interface UploadRecord extends UploadItem {
  /** Tells the file chosen apart from another: see `chosenKey`. */
  chosenKey: string;
  /** The chosen file, then the prepared one once it is ready. */
  file: File;
  /** The SHA-256 of the prepared file, once it is ready. */
  sha256: string | undefined;
  /** The ThumbHash being made while the file uploads. */
  placeholder: Promise<Placeholder> | undefined;
  /** The files chosen with it, which share the places left then. */
  batch: Batch;
  /** What preparing gave, kept until the whole batch is prepared. */
  prepared: PreparedPhoto | undefined;
  /** Its outcome was counted in a message after a confirm. */
  counted: boolean;
  ticket: UploadTicket | undefined;
  /** When this browser got the ticket, by its own clock. */
  ticketAt: number;
  /** The bytes are in the store; only the confirm is missing. */
  stored: boolean;
  failedAttempts: number;
  /** A refusal was already answered with a fresh URL once. */
  renewedAfterRefusal: boolean;
  /** Get a fresh URL before the next PUT, whatever the clock says. */
  renewBeforePut: boolean;
  abort: AbortController | undefined;
}

const defaultPrepareSettings: PrepareSettings = {
  maxEdge: defaultMaxImageEdge,
  stripLocation: true,
};

/** Files chosen together, and the places the product had left for them. */
interface Batch {
  placesLeft: number;
  records: UploadRecord[];
}

/**
 * Sends chosen files to the store and turns them into a product's photos:
 * prepares each file in the browser (HEIC to JPEG, downscaled, location
 * removed), checks it, asks the server to sign the rest, PUTs at most three
 * at a time, retries what the network or the store dropped, renews URLs
 * that expire, and confirms the files once none is still on its way, so
 * that they become photos in the order chosen.
 *
 * It knows nothing of React: the page reads `getSnapshot` through
 * `subscribe`, and every outside call goes through the ports.
 */
export class UploadQueue {
  private records: UploadRecord[] = [];
  private snapshot: readonly UploadItem[] = [];
  private readonly listeners = new Set<() => void>();
  private signing = false;
  private confirming = false;
  private nextId = 1;
  /** Aborted when the page goes: waits end, nothing more is tried. */
  private readonly lifetime = new AbortController();

  private get disposed(): boolean {
    return this.lifetime.signal.aborted;
  }

  /** What to do to photos: known, or waited for from the server. */
  private settings: Promise<PrepareSettings>;
  private settingsArrived: (settings: PrepareSettings) => void = () =>
    undefined;

  /**
   * With `settings` null, files wait in `preparing` until
   * `setPhotoSettings` says what the server wants done to them: a photo
   * prepared on guessed settings could keep a location the shop removes.
   */
  constructor(
    private readonly ports: UploadPorts,
    private maxUploadBytes: number,
    private readonly random: () => number = Math.random,
    settings: PrepareSettings | null = defaultPrepareSettings,
  ) {
    this.settings = settings
      ? Promise.resolve(settings)
      : new Promise((arrived) => {
          this.settingsArrived = arrived;
        });
  }

  /** The server's limit, once it has said it; the default until then. */
  setMaxUploadBytes(bytes: number): void {
    this.maxUploadBytes = bytes;
  }

  /** What the server says to do to photos. */
  setPhotoSettings(settings: PrepareSettings): void {
    this.settingsArrived(settings);
    this.settings = Promise.resolve(settings);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): readonly UploadItem[] => this.snapshot;

  /**
   * Whether an ask is on its way: the server may then hold uploads of
   * this queue whose ids it does not know yet.
   */
  isAsking(): boolean {
    return this.signing;
  }

  /** How many places under the cap the files in the queue hold. */
  placesHeld(): number {
    return this.records.filter(holdsPlace).length;
  }

  /** Whether the server's upload with this id was asked for here. */
  owns(uploadId: string): boolean {
    return this.records.some((record) => record.ticket?.uploadId === uploadId);
  }

  /**
   * Adds chosen files. `placesLeft` is how many more photos the product
   * can take; files past it are refused here with the reason.
   */
  add(files: File[], placesLeft: number): void {
    const batch: Batch = { placesLeft, records: [] };
    const noRoom = checkRoom(placesLeft);
    for (const file of files) {
      const problem = noRoom ?? this.alreadyChosen(file);
      const record = this.recordFor(file, batch, problem);
      this.records.push(record);
      if (!problem) batch.records.push(record);
    }

    this.changed();
    for (const record of batch.records) void this.prepare(record);
  }

  /**
   * Why a file chosen again is not sent twice: the same file (name, size,
   * time) is still on its way. Once added, it may be chosen again: the
   * photo may have been deleted since.
   */
  private alreadyChosen(file: File): string | undefined {
    const key = chosenKey(file);
    const again = this.records.some(
      (record) => record.chosenKey === key && holdsPlace(record),
    );

    return again ? 'This photo is already in the list.' : undefined;
  }

  /** Stops one file; whatever of it reached the server is let go. */
  cancel(id: string): void {
    const record = this.find(id);
    if (!record || !isCancellable(record)) return;

    record.abort?.abort();
    this.settle(record, { state: 'cancelled', note: undefined });
    this.letGo(record);
    this.changed();
    this.pump();
  }

  cancelAll(): void {
    for (const record of this.records) this.cancel(record.id);
  }

  /** Tries a failed file again, from where it stopped. */
  retry(id: string): void {
    const record = this.find(id);
    if (record?.state !== 'failed' || !record.retryable) return;

    record.failedAttempts = 0;
    record.renewedAfterRefusal = false;
    record.note = undefined;
    record.state = record.stored ? 'sent' : 'queued';
    if (!record.stored) record.sentBytes = 0;
    this.changed();
    this.pump();
  }

  /** Takes a file off the list; a failed one's place is let go. */
  remove(id: string): void {
    const record = this.find(id);
    if (!record) return;
    if (isCancellable(record)) this.cancel(id);
    if (record.state === 'checking') return;

    if (record.state === 'failed') this.letGo(record);
    if (record.previewUrl) this.ports.release?.(record.previewUrl);
    this.records = this.records.filter((other) => other !== record);
    this.changed();
  }

  /** Takes every finished file off the list. */
  clearFinished(): void {
    for (const record of [...this.records]) {
      if (isFinished(record)) this.remove(record.id);
    }
  }

  /** Stops everything, for a page that goes away. */
  dispose(): void {
    this.lifetime.abort();
    this.cancelAll();
    for (const record of this.records) {
      if (record.previewUrl) this.ports.release?.(record.previewUrl);
    }
    this.records = [];
    this.changed();
  }

  private recordFor(
    file: File,
    batch: Batch,
    problem: string | undefined,
  ): UploadRecord {
    const id = String(this.nextId);
    this.nextId += 1;

    return {
      id,
      chosenKey: chosenKey(file),
      name: file.name,
      byteSize: file.size,
      previewUrl: undefined,
      state: problem ? 'refused' : 'preparing',
      sentBytes: 0,
      note: problem,
      retryable: false,
      changes: [],
      file,
      sha256: undefined,
      placeholder: undefined,
      batch,
      prepared: undefined,
      counted: false,
      ticket: undefined,
      ticketAt: 0,
      stored: false,
      failedAttempts: 0,
      renewedAfterRefusal: false,
      renewBeforePut: false,
      abort: undefined,
    };
  }

  /**
   * Makes a file ready to send: the browser converts, downscales or cleans
   * it. Once every file chosen with it is ready, they are checked against
   * the server's rules and given the places left, in the order chosen.
   */
  private async prepare(record: UploadRecord): Promise<void> {
    record.prepared = await this.ports
      .prepare(record.file, await this.settings)
      .catch((): PreparedPhoto => ({ kind: 'refused', message: unprepared }));

    const { batch } = record;
    const waiting = batch.records.filter((r) => r.state === 'preparing');
    if (waiting.some((r) => !r.prepared)) return;
    for (const member of waiting) this.takePrepared(member);
    this.changed();
    this.pump();
  }

  /** Checks a prepared file and gives it a place, or says why not. */
  private takePrepared(record: UploadRecord): void {
    const { batch } = record;
    const prepared = record.prepared;
    record.prepared = undefined;
    if (!prepared || prepared.kind === 'refused') {
      this.settle(record, {
        state: 'refused',
        note: prepared?.message ?? unprepared,
      });
      return;
    }

    const { file, sha256, changes } = prepared;
    const problem =
      tooLargeStill(file, changes, this.maxUploadBytes) ??
      checkChosenFile(file, this.maxUploadBytes) ??
      checkRoom(batch.placesLeft);
    if (!problem) batch.placesLeft -= 1;
    Object.assign(record, {
      file,
      sha256,
      changes: problem ? [] : changes,
      name: file.name,
      byteSize: file.size,
      previewUrl: problem ? undefined : this.ports.preview?.(file),
      state: problem ? 'refused' : 'queued',
      note: problem,
    });
    // Made while the file uploads; the confirm takes it when it is ready.
    if (!problem) {
      record.placeholder = this.ports
        .placeholder(file)
        .catch((): Placeholder => ({ kind: 'none' }));
    }
  }

  /** Starts whatever can start: signing, sending, confirming. */
  private pump(): void {
    // Files chosen together are signed together, once all are prepared.
    const preparing = this.records.some(
      (record) => record.state === 'preparing',
    );
    const unsigned = this.records.filter(
      (record) => record.state === 'queued' && !record.ticket,
    );
    if (!this.signing && !preparing && unsigned.length > 0) {
      void this.sign(unsigned);
    }

    let busy = this.records.filter(
      (record) => record.state === 'sending' || record.state === 'retrying',
    ).length;
    for (const record of this.records) {
      if (busy >= maxConcurrentPuts) break;
      if (record.state !== 'queued' || !record.ticket) continue;
      busy += 1;
      void this.send(record);
    }

    const onTheirWay = this.records.some(
      (record) =>
        record.state === 'preparing' ||
        record.state === 'queued' ||
        record.state === 'sending' ||
        record.state === 'retrying',
    );
    const sent = this.records.filter((record) => record.state === 'sent');
    if (!this.confirming && !onTheirWay && sent.length > 0) {
      void this.confirm(sent);
    }
  }

  /**
   * Asks for signed URLs. The server refuses a request as a whole when any
   * file in it breaks a rule, naming those files: they are marked and the
   * rest asked for again, so one bad file does not hold back the others.
   */
  private async sign(records: UploadRecord[]): Promise<void> {
    this.signing = true;
    // The page stops reading the unfinished uploads while this is so.
    this.changed();
    let asking = records;
    try {
      while (asking.length > 0) {
        const result = await this.ports
          .sign(asking.map((r) => ({ file: r.file, sha256: r.sha256 ?? '' })))
          .catch(
            (): SignResult => ({
              kind: 'refused',
              message: unexpected,
              retryable: true,
            }),
          );
        if (result.kind === 'signed') {
          asking.forEach((record, index) => {
            this.takeTicket(record, result.tickets[index]);
          });
          break;
        }
        if (result.kind === 'refused') {
          for (const record of asking) {
            this.failSigning(record, result.message, result.retryable);
          }
          break;
        }

        const rest = asking.filter((record) => {
          const named = result.files.find(
            (file) => file.name === record.file.name.trim(),
          );
          if (named) this.failSigning(record, toSentence(named.message), false);
          return !named;
        });
        if (rest.length === asking.length) {
          for (const record of rest) {
            this.failSigning(record, 'The server refused this file.');
          }
          break;
        }
        asking = rest;
      }
    } finally {
      this.signing = false;
      this.changed();
      this.pump();
    }
  }

  private takeTicket(record: UploadRecord, ticket: UploadTicket | undefined) {
    if (!ticket) {
      this.failSigning(record, 'The server did not sign this file; retry.');
      return;
    }
    // Cancelled while the server was signing: give the place back.
    if (record.state === 'cancelled') {
      void this.ports.cancel([ticket.uploadId]).catch(() => undefined);
      return;
    }

    record.ticket = ticket;
    record.ticketAt = this.ports.now();
  }

  private failSigning(record: UploadRecord, note: string, retryable = true) {
    if (record.state !== 'queued') return;
    this.settle(record, { state: 'failed', note, retryable });
  }

  /** PUTs one file until it is stored, given up or cancelled. */
  private async send(record: UploadRecord): Promise<void> {
    const abort = new AbortController();
    record.abort = abort;
    record.state = 'sending';
    record.note = undefined;
    this.changed();

    for (;;) {
      const result = await this.attempt(record, abort.signal);
      if (abort.signal.aborted || isCancelled(record)) return;
      if (result === 'renewed') continue;
      if (result === 'resigning') break;
      if (result.kind === 'stored') {
        record.stored = true;
        this.settle(record, { state: 'sent', sentBytes: record.byteSize });
        break;
      }
      if (result.kind === 'refused' && !record.renewedAfterRefusal) {
        // Most often an expired URL or a clock the store disagrees with:
        // a fresh signature fixes both. A second refusal is final.
        record.renewedAfterRefusal = true;
        record.renewBeforePut = true;
        continue;
      }
      if (result.kind === 'refused' || result.kind === 'aborted') {
        this.settle(record, {
          state: 'failed',
          note: refusedByStore,
          retryable: true,
        });
        break;
      }

      record.failedAttempts += 1;
      if (record.failedAttempts >= maxSendAttempts) {
        this.settle(record, {
          state: 'failed',
          note: givingUp(result),
          retryable: true,
        });
        break;
      }
      // After two silent failures, suspect an expired or refused URL that
      // the browser hides behind a CORS error, and sign it afresh.
      if (result.kind === 'network' && record.failedAttempts >= 2) {
        record.renewBeforePut = true;
      }
      record.state = 'retrying';
      record.sentBytes = 0;
      record.note = retrying(result, record.failedAttempts + 1);
      this.changed();
      await this.ports.sleep(
        retryDelayMs(record.failedAttempts, this.random()),
        abort.signal,
      );
      if (abort.signal.aborted) return;
      record.state = 'sending';
      this.changed();
    }

    record.abort = undefined;
    this.changed();
    this.pump();
  }

  /** One try: renew the URL when it is due, else PUT the bytes. */
  private async attempt(
    record: UploadRecord,
    signal: AbortSignal,
  ): Promise<PutResult | 'renewed' | 'resigning'> {
    const ticket = record.ticket;
    if (!ticket) return 'resigning';

    const expiresAt = record.ticketAt + ticket.expiresInSeconds * 1000;
    if (
      record.renewBeforePut ||
      this.ports.now() >= expiresAt - renewMarginMs
    ) {
      return this.renew(record, ticket);
    }

    return this.ports
      .put(
        record.file,
        ticket,
        (sentBytes) => {
          if (record.state !== 'sending') return;
          record.sentBytes = Math.min(sentBytes, record.byteSize);
          this.changed();
        },
        signal,
      )
      .catch((): PutResult => ({ kind: 'network' }));
  }

  private async renew(
    record: UploadRecord,
    ticket: UploadTicket,
  ): Promise<PutResult | 'renewed' | 'resigning'> {
    const result = await this.ports
      .renew(ticket.uploadId)
      .catch((): RenewResult => ({ kind: 'unreachable' }));
    if (result.kind === 'unreachable') return { kind: 'network' };
    if (result.kind === 'renewed') {
      record.ticket = result.ticket;
      record.ticketAt = this.ports.now();
      record.renewBeforePut = false;
      return 'renewed';
    }

    // The server let the upload go (it expired long ago): ask again.
    record.ticket = undefined;
    record.renewBeforePut = false;
    if (record.state !== 'cancelled') {
      record.state = 'queued';
      record.note = 'The upload link expired; asking for a new one…';
    }
    return 'resigning';
  }

  /** Turns stored files into photos, in the order they were chosen. */
  private async confirm(records: UploadRecord[]): Promise<void> {
    this.confirming = true;
    for (const record of records) record.state = 'checking';
    this.changed();

    let added = 0;
    let failed = 0;
    try {
      const made = await placeholdersOf(records);
      const sent: UploadRecord[] = [];
      const placeholders: Record<string, string> = {};
      records.forEach((record, index) => {
        const placeholder = made[index];
        // A photo this browser could not decode would show broken
        // anywhere: it is let go instead of confirmed.
        if (placeholder?.kind === 'undecodable') {
          this.settle(record, { state: 'failed', note: undecodableRefusal });
          this.letGo(record);
          failed += 1;
          return;
        }
        sent.push(record);
        const id = record.ticket?.uploadId;
        if (placeholder?.kind === 'made' && id) {
          placeholders[id] = placeholder.hash;
        }
      });
      if (sent.length === 0) return;

      const ids = sent.map((record) => record.ticket?.uploadId ?? '');
      const result = await this.completeWithRetries(sent, ids, placeholders);
      for (const [index, record] of sent.entries()) {
        const outcome = this.outcomeOf(result, ids[index] ?? '');
        if (outcome.done) added += 1;
        else failed += 1;
        this.settle(record, outcome.change);
      }
    } finally {
      this.confirming = false;
      failed += this.countRefused(records);
      this.changed();
      this.ports.onConfirmed({ added, failed });
      this.pump();
    }
  }

  /**
   * Confirms, and confirms again after a dropped connection or a server
   * or store failure, waiting as between PUTs: the bytes are stored, and a
   * confirm repeated gives the same photos.
   */
  private async completeWithRetries(
    records: UploadRecord[],
    ids: string[],
    placeholders: Record<string, string>,
  ): Promise<CompleteResult> {
    const complete = () =>
      this.ports.complete(ids, placeholders).catch(
        (): CompleteResult => ({
          kind: 'unreachable',
          message: unexpected,
          retryable: false,
        }),
      );
    let result = await complete();
    for (
      let attempt = 2;
      result.kind === 'unreachable' &&
      result.retryable &&
      attempt <= maxSendAttempts &&
      !this.disposed;
      attempt += 1
    ) {
      const note =
        `${result.message} Trying again (attempt ${attempt} of ` +
        `${maxSendAttempts})…`;
      for (const record of records) record.note = note;
      this.changed();
      await this.ports.sleep(
        retryDelayMs(attempt - 1, this.random()),
        this.lifetime.signal,
      );
      result = await complete();
    }

    return result;
  }

  /**
   * Files chosen with the confirmed ones that were refused before they
   * were sent: the message after the confirm counts them too, once.
   */
  private countRefused(confirmed: UploadRecord[]): number {
    const batches = new Set(confirmed.map((record) => record.batch));
    for (const record of confirmed) record.counted = true;
    let refused = 0;
    for (const record of this.records) {
      const gaveUp = record.state === 'refused' || record.state === 'failed';
      if (!batches.has(record.batch) || record.counted || !gaveUp) continue;
      record.counted = true;
      refused += 1;
    }

    return refused;
  }

  private outcomeOf(
    result: CompleteResult,
    uploadId: string,
  ): { done: boolean; change: Partial<UploadRecord> } {
    if (result.kind === 'unreachable') {
      const note = result.message;
      return {
        done: false,
        change: { state: 'failed', note, retryable: true },
      };
    }
    if (result.madeUploadIds.includes(uploadId)) {
      return { done: true, change: { state: 'done', note: undefined } };
    }

    const failure = result.failures.find((f) => f.uploadId === uploadId);
    // Only a file that has not reached the store is worth sending again;
    // for any other reason the server has already let the upload go.
    const missing = !failure || failure.code === 'OBJECT_MISSING';
    const change: Partial<UploadRecord> = {
      state: 'failed',
      note: failure
        ? toSentence(failure.message)
        : 'The server did not add this photo; retry.',
      retryable: missing,
      stored: !failure,
    };
    if (failure?.code === 'OBJECT_MISSING') change.sentBytes = 0;

    return { done: false, change };
  }

  private settle(record: UploadRecord, change: Partial<UploadRecord>): void {
    Object.assign(record, change);
    if (change.state === 'failed' && change.retryable === undefined) {
      record.retryable = false;
    }
  }

  /** Frees the place a file's upload holds on the server, if any. */
  private letGo(record: UploadRecord): void {
    const uploadId = record.ticket?.uploadId;
    record.ticket = undefined;
    record.stored = false;
    record.retryable = false;
    if (!uploadId) return;

    // Best effort: what is not cancelled expires and is swept.
    void this.ports.cancel([uploadId]).catch(() => undefined);
  }

  private find(id: string): UploadRecord | undefined {
    return this.records.find((record) => record.id === id);
  }

  private changed(): void {
    this.snapshot = this.records.map(toItem);
    for (const listener of this.listeners) listener();
  }
}

/**
 * Why a photo made smaller or converted is still too large, in words that
 * say what to do; undefined when it fits.
 */
function tooLargeStill(
  file: File,
  changes: readonly PhotoChange[],
  maxUploadBytes: number,
): string | undefined {
  if (changes.length === 0 || file.size <= maxUploadBytes) return undefined;

  return (
    `Even made smaller, this photo is ${formatBytes(file.size)}; the ` +
    `limit is ${formatBytes(maxUploadBytes)}. Export it at a smaller ` +
    'size, or as a JPEG, and choose it again.'
  );
}

/**
 * What making each record's placeholder found so far. One still being
 * made after a few seconds counts as none: the photo matters more.
 */
async function placeholdersOf(
  records: UploadRecord[],
): Promise<(Placeholder | undefined)[]> {
  let stopWaiting: () => void = () => undefined;
  const late = new Promise<undefined>((done) => {
    const timer = setTimeout(done, placeholderWaitMs);
    stopWaiting = () => clearTimeout(timer);
  });
  try {
    return await Promise.all(
      records.map((record) => Promise.race([record.placeholder, late])),
    );
  } finally {
    stopWaiting();
  }
}

/** Read through a call: TypeScript keeps a narrowed state across awaits. */
function isCancelled(record: UploadRecord): boolean {
  return record.state === 'cancelled';
}

function toItem(record: UploadRecord): UploadItem {
  return {
    id: record.id,
    name: record.name,
    byteSize: record.byteSize,
    previewUrl: record.previewUrl,
    state: record.state,
    sentBytes: record.sentBytes,
    note: record.note,
    retryable: record.retryable,
    changes: record.changes,
  };
}

/** The same file chosen twice has the same name, size and time. */
function chosenKey(file: File): string {
  return `${file.name}\u0000${file.size}\u0000${file.lastModified}`;
}

function retrying(result: PutResult, attempt: number): string {
  const next = `trying again (attempt ${attempt} of ${maxSendAttempts})…`;

  return result.kind === 'store-error'
    ? `Storage answered ${result.status}; ${next}`
    : `The connection to storage dropped; ${next}`;
}

function givingUp(result: PutResult): string {
  return result.kind === 'store-error'
    ? `Storage kept failing (error ${result.status}); retry in a moment.`
    : 'Storage could not be reached, or it refused the upload; check the ' +
        'connection and retry.';
}

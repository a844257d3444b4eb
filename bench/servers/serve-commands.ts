import { type ProfileSummary, startProfile } from '../lib/profile.ts';
import { startUsageMeter, type Usage } from './usage-meter.ts';

type Handler = (args: never) => Promise<unknown>;

/**
 * Answers the bench's commands over the IPC channel. Every server also
 * measures its own CPU and memory between `measure-start` and
 * `measure-stop`, and can profile itself. `close` runs `onClose` and exits;
 * so does losing the parent.
 */
export function serveCommands(
  handlers: Record<string, Handler>,
  onClose: () => Promise<void>,
): void {
  let meter: (() => Usage) | undefined;
  let profile: (() => Promise<ProfileSummary>) | undefined;
  const builtIn: Record<string, Handler> = {
    'measure-start': async () => {
      meter = startUsageMeter();
    },
    'measure-stop': async () => meter?.(),
    'profile-start': async () => {
      profile = await startProfile();
    },
    'profile-stop': async () => profile?.(),
  };

  const close = async () => {
    try {
      await onClose();
    } finally {
      process.exit(0);
    }
  };
  process.once('disconnect', close);
  process.on(
    'message',
    async (message: { id: number; command: string; args: never }) => {
      if (message.command === 'close') return close();
      const handler = builtIn[message.command] ?? handlers[message.command];
      try {
        if (!handler) throw new Error('unknown command');
        process.send?.({ id: message.id, result: await handler(message.args) });
      } catch (error) {
        process.send?.({ id: message.id, error: String(error) });
      }
    },
  );
  process.send?.('ready');
}

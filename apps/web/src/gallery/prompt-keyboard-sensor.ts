import {
  KeyboardCode,
  KeyboardSensor,
  type KeyboardSensorProps,
} from '@dnd-kit/core';

/** The keys a keyboard drag answers to: arrows, Space, Enter, Tab, Esc. */
const dragKeys: string[] = Object.values(KeyboardCode);

/**
 * dnd-kit's keyboard sensor, without its deaf moment after the pick-up.
 * It listens for the keys that move, drop or cancel only from a zero
 * timeout after the Space that picks the photo up, lest that Space drop
 * it too; but the drag starts, and "is over position n" is said, at
 * once. Chromium lets key presses go before timers, so an arrow pressed
 * just after the pick-up was lost, silently. Such keys are held here and
 * handed to the sensor once it listens.
 */
export class PromptKeyboardSensor extends KeyboardSensor {
  constructor(props: KeyboardSensorProps) {
    super(props);
    const held: KeyboardEvent[] = [];
    const hold = (event: KeyboardEvent) => {
      // The Space that picked up is still on its way; a key the sensor
      // took already, were it to listen sooner, is left alone.
      if (event === props.event || event.defaultPrevented) return;
      if (!dragKeys.includes(event.code)) return;
      // As the sensor does for these keys: no scrolling, no Tab away.
      event.preventDefault();
      event.stopImmediatePropagation();
      held.push(event);
    };
    document.addEventListener('keydown', hold);
    // Timers run in the order they were set: by this one, the sensor's,
    // set in super(), has run and it listens on the document.
    setTimeout(() => {
      document.removeEventListener('keydown', hold);
      for (const event of held) {
        document.dispatchEvent(new KeyboardEvent('keydown', event));
      }
    });
  }
}

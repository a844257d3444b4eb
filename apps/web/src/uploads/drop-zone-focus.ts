/**
 * Where the keyboard focus goes when the button it was on goes away: the
 * drop zone's file picker, or the zone itself while the picker is off
 * because the product is full. The zone is made focusable for that moment
 * only: it is no control, and Tab should not stop on it.
 */
export function dropZoneInput(): HTMLElement | null {
  const zone = document.querySelector<HTMLElement>('[data-testid="drop-zone"]');
  const input = zone?.querySelector('input');
  if (input && !input.disabled) return input;
  if (!zone) return null;

  zone.tabIndex = -1;
  zone.addEventListener('blur', () => zone.removeAttribute('tabindex'), {
    once: true,
  });
  return zone;
}

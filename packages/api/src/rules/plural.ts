/** "1 image", "3 images"; `many` for words that do not just take an s. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

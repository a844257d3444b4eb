/**
 * Runs every variant once per round, starting each round with the next
 * variant, so that drift in the machine (a warming cache, a neighbour's
 * load, the garbage collector) falls on all of them alike. Returns each
 * variant's measurements in round order.
 */
export async function interleave<TName extends string, TResult>(
  names: readonly TName[],
  rounds: number,
  run: (name: TName, round: number) => Promise<TResult>,
): Promise<Record<TName, TResult[]>> {
  const results = Object.fromEntries(
    names.map((name) => [name, [] as TResult[]]),
  ) as Record<TName, TResult[]>;

  for (let round = 0; round < rounds; round += 1) {
    for (let offset = 0; offset < names.length; offset += 1) {
      const name = names[(round + offset) % names.length] as TName;
      results[name].push(await run(name, round));
    }
  }

  return results;
}

// Team names for a projected page too small for them whole (forty teams of long names on a 720p projector). A
// name of at most `max` characters stays whole; a longer one becomes its longest leading words within `max` that
// no other team's name also starts with, and an ellipsis: "Llama Herders of the North" → "Llama Herders…",
// "01 Wombat Mammoth Wizards" → "01 Wombat…" beside "02 Wombat…". A name no such words tell apart stays whole.

export function distinctNames(names: readonly string[], max: number): string[] {
  const lower = names.map((n) => n.toLowerCase());
  return names.map((name, i) => {
    if (name.length <= max) return name;
    const words = name.split(' ');
    for (let k = words.length - 1; k >= 1; k--) {
      const prefix = words.slice(0, k).join(' ').trimEnd();
      if (prefix.length === 0 || prefix.length > max) continue;
      const key = prefix.toLowerCase();
      if (lower.every((other, j) => j === i || !other.startsWith(key))) return `${prefix}…`;
    }
    return name;
  });
}

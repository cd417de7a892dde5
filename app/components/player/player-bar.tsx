// Placeholder until the persistent player lands (issue 2).
export function PlayerBar() {
  return null
}

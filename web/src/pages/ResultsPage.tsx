// placeholder
export function ResultsPage() {
  return null;
}

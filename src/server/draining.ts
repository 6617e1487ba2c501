/** Whether this process has been asked to stop: set once on SIGTERM/SIGINT, read by /readyz so load balancers stop sending work. */
let draining = false;

export function markDraining(): void {
  draining = true;
}

export function isDraining(): boolean {
  return draining;
}

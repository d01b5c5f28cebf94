/** The database holds data, so the demo would mix with it. */
export class DemoRefused extends Error {}

/** A request of the demo loader was refused; the message names the request and the problem. */
export class DemoLoadError extends Error {}

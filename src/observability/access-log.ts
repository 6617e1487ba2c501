/** The access log: pino writing one JSON line per request to stdout, with the route's pattern and never the path it was asked on. */
import { pino, type DestinationStream, type Level, type Logger } from "pino";

export type LogLevel = Level | "silent";

/**
 * Stdout, written asynchronously so a slow reader never blocks a request, and in batches: lines gather until about
 * 3 KiB are waiting (or half a second has passed) and go out in one write, which costs a tenth of the CPU of a write
 * per line. Each write is at most 4 KiB of whole lines, which a pipe takes in one piece, so the lines of several
 * workers sharing the primary's stdout never cut into each other. If the reader falls 16 MiB behind, lines are dropped
 * rather than held; what is still buffered is written out when the process exits.
 */
export function stdoutDestination(): DestinationStream {
  const destination = pino.destination({ dest: 1, sync: false, minLength: 3072, maxWrite: 4096, periodicFlush: 500, maxLength: 16 * 1024 * 1024 });
  process.once("exit", () => {
    try {
      destination.flushSync();
    } catch {
      // Nothing more can be done for lines the exit interrupted.
    }
  });
  return destination;
}

/** A logger whose lines carry an ISO time, the level as a word and the process id (several workers share stdout). */
export function createLogger(level: LogLevel, destination: DestinationStream = stdoutDestination()): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/**
 * What one request's line says. Deliberately narrow: the route is the pattern it matched
 * (`/api/v1/respond/:linkToken/response`), because paths carry survey links and invitation and reset tokens; there is
 * no query string, header, body, name or email, only the acting account's id.
 */
export interface AccessLine {
  requestId: string;
  method: string;
  route: string;
  status: number;
  /** Milliseconds from the request's arrival until its response was ready to send (not counting sending its body). */
  durationMs: number;
  /** The response's Content-Length, when it has one (streamed bodies do not). */
  bytes?: number;
  userId?: string;
}

export function writeAccessLine(log: Logger, line: AccessLine): void {
  // Server errors at error level, so LOG_LEVEL=error keeps just those; everything else, refusals included, at info.
  if (line.status >= 500) log.error(line, "request");
  else log.info(line, "request");
}

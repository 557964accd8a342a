import type { Socket } from 'node:net';

/** What nodemailer's DataStream pushes, as a chunk of its own, when the body ends (its `_flush`). */
const FINAL_DOTS = ['.\r\n', '\n.\r\n', '\r\n.\r\n'].map((s) => Buffer.from(s, 'latin1'));

/**
 * Runs `pass` inside the socket write that carries SMTP's final ".", right before that write, so
 * the point of no return recorded by `pass` (a statement handed to the database's socket) and the
 * "." handed to the SMTP socket are two consecutive system calls. Called at the JavaScript level
 * instead (before the body stream ends), several stream ticks separate them, and a process killed
 * in that gap (a loaded machine deschedules it there) leaves a message recorded as going out that
 * never went: test/notify-kill.test.ts lost one that way in CI.
 *
 * If `pass` throws, the "." is not written and the socket is destroyed: the server discards the
 * message. Returns the function that removes the hook (idempotent).
 */
export function passRightBeforeFinalDot(socket: Socket, pass: () => void): () => void {
  const own = Object.prototype.hasOwnProperty.call(socket, 'write');
  const original = socket.write;
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    if (own) socket.write = original;
    else delete (socket as { write?: unknown }).write;
  };
  const hooked = function (this: Socket, chunk: unknown, ...rest: unknown[]): boolean {
    if (!removed && Buffer.isBuffer(chunk) && FINAL_DOTS.some((d) => d.equals(chunk))) {
      remove();
      try {
        pass();
      } catch (err) {
        socket.destroy(err as Error);
        return false;
      }
    }
    return (original as (...a: unknown[]) => boolean).apply(this, [chunk, ...rest]);
  };
  socket.write = hooked as Socket['write'];
  return remove;
}

import net from 'node:net';
import tls from 'node:tls';

/**
 * Holds one idle keep-alive HTTP connection to the LiveKit server and calls `onLost` once when it closes.
 *
 * LiveKit keeps an idle keep-alive connection open (seen: over 40 s), and the kernel closes it the moment the
 * SFU process ends (seen: 5 ms after SIGKILL). So the close is the earliest sign that the SFU may have restarted
 * and lost its rooms, for the price of one idle socket and no request. A close for any other reason (a proxy's
 * idle timeout) only costs one extra check.
 */
export function watchSfu(httpUrl: string, onLost: () => void): void {
  const url = new URL(httpUrl);
  const secure = url.protocol === 'https:';
  const port = Number(url.port || (secure ? 443 : 80));
  const socket = secure
    ? tls.connect({ host: url.hostname, port, servername: url.hostname })
    : net.connect({ host: url.hostname, port });
  let done = false;
  const lost = () => {
    if (done) return;
    done = true;
    onLost();
  };
  socket.setKeepAlive(true, 10_000);
  socket.unref(); // never keeps the process alive on shutdown
  socket.on(secure ? 'secureConnect' : 'connect', () => {
    socket.write(`GET / HTTP/1.1\r\nHost: ${url.host}\r\nConnection: keep-alive\r\n\r\n`);
  });
  socket.on('data', () => {}); // LiveKit's "OK"; nothing else arrives on an idle connection
  socket.on('error', lost);
  socket.on('close', lost);
}

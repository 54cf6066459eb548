/**
 * A TCP link between a browser context and the desk that a test can cut: while down, open
 * connections are reset and new ones are dropped — a real network loss for the page, which
 * Playwright's `setOffline` is not (it leaves open Server-Sent Event streams alone).
 */
import { createConnection, createServer } from 'node:net';
import type { Socket } from 'node:net';

export interface NetworkLink {
  /** `http://127.0.0.1:<port>`: point a browser context's `baseURL` here. */
  url: string;
  /** Resets every open connection and refuses new ones until {@link NetworkLink.restore}. */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

/** Opens a link on a free loopback port to the desk at `targetUrl`. */
export async function openNetworkLink(targetUrl: string): Promise<NetworkLink> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  let down = false;
  const server = createServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = createConnection({ host: target.hostname, port: Number(target.port) });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined); // resets are the point of this link
    }
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The network link did not get a TCP port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    cut() {
      down = true;
      for (const socket of sockets) socket.resetAndDestroy();
    },
    restore() {
      down = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

// The router's e2e fixture: says which dyno and config answered, has a health path, a slow path and a
// WebSocket echo (the handshake and small text frames by hand: the fixture must not need npm packages).
const http = require('http');
const crypto = require('crypto');

const port = process.env.PORT || 5000;
const greeting = process.env.GREETING || 'hello';

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://fixture');
  if (url.pathname === '/health') {
    res.end('ok\n');
  } else if (url.pathname === '/slow') {
    setTimeout(() => res.end('slow\n'), Number(url.searchParams.get('ms') || 1000));
  } else {
    res.end(`${greeting} from ${process.env.DYNO}\n`);
  }
});

server.on('upgrade', (req, socket) => {
  const accept = crypto.createHash('sha1')
    .update(req.headers['sec-websocket-key'] + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n'
    + `Sec-WebSocket-Accept: ${accept}\r\n\r\n`);
  socket.on('data', (frame) => {
    const opcode = frame[0] & 0x0f;
    const length = frame[1] & 0x7f;
    const mask = frame.subarray(2, 6);
    const payload = Buffer.from(frame.subarray(6, 6 + length).map((b, i) => b ^ mask[i % 4]));
    if (opcode === 8) {
      socket.end(Buffer.from([0x88, 0]));
      return;
    }
    const reply = Buffer.from(`echo: ${payload.toString()}`);
    socket.write(Buffer.concat([Buffer.from([0x81, reply.length]), reply]));
  });
});

server.listen(port, () => console.log(`listening on ${port}`));

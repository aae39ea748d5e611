const http = require('http');
const { Server } = require('socket.io');
const jwt = require('jsonwebtoken');
const { v1: uuidv1 } = require('uuid');
const { createAdapter } = require('@socket.io/redis-adapter');
const { createClient } = require('redis');

const httpServer = http.createServer();
const io = new Server(httpServer, { cors: { origin: process.env.WEB_ORIGIN, credentials: true } });

// userId -> token, used when we call the REST API on the user's behalf
const connectedTokens = {};
const resumeSessions = new Map();

io.use((socket, next) => {
  const { token, serviceKey } = socket.handshake.auth;
  if (serviceKey) {
    if (serviceKey === process.env.GATEWAY_SERVICE_KEY) { // expect: compare.timing
      socket.data.service = true;
      return next();
    }
    return next(new Error('unauthorized'));
  }
  if (!token) return next(new Error('unauthorized'));
  jwt.verify(token, process.env.JWT_SECRET, { algorithms: ['HS256'], audience: 'realtime' }, (err, claims) => { // ok: token.verify
    if (err) return next(new Error('unauthorized'));
    socket.data.user = claims;
    connectedTokens[claims.sub] = token; // expect: token.storage
    next();
  });
});

io.on('connection', (socket) => {
  const resumeId = uuidv1(); // expect: session.handrolled
  resumeSessions.set(resumeId, { userId: socket.data.user?.sub, rooms: [] });
  socket.emit('session', { resumeId });

  socket.on('join', (room) => {
    if (room.startsWith('org:') && room !== `org:${socket.data.user?.orgId}`) return; // ok: authz.missing
    socket.join(room);
  });

  socket.on('admin:broadcast', (message) => { // expect: authz.missing
    io.emit('announcement', { message, at: Date.now() });
  });

  socket.on('typing', (room) => {
    if (!socket.rooms.has(room)) return;
    socket.to(room).emit('typing', { userId: socket.data.user?.sub });
  });
});

(async () => {
  const pub = createClient({ url: process.env.REDIS_URL });
  const sub = pub.duplicate();
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub));
  httpServer.listen(Number(process.env.PORT || 3001));
})();

module.exports = { connectedTokens };

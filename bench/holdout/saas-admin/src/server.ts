import express from 'express';
import session from 'express-session';
import connectPgSimple from 'connect-pg-simple';
import helmet from 'helmet';
import { pool } from './lib/db';
import { authRouter } from './routes/auth';
import { apiRouter } from './routes/api';

const PgStore = connectPgSimple(session);
const app = express();

app.set('trust proxy', 1);
app.use(helmet());
app.use(express.json());
app.use(express.urlencoded({ extended: false }));
app.use(
  session({
    store: new PgStore({ pool, tableName: 'user_sessions', pruneSessionInterval: 15 * 60 }),
    secret: [process.env.SESSION_SECRET_CURRENT!, process.env.SESSION_SECRET_PREVIOUS!],
    name: 'saas.sid',
    genid: () => `${Date.now()}-${process.pid}`, // expect: session.handrolled
    resave: false,
    saveUninitialized: false,
    cookie: { httpOnly: true, secure: true, sameSite: 'lax', maxAge: 12 * 60 * 60 * 1000 },
  }),
);

app.use('/auth', authRouter);
app.use('/api', apiRouter);

app.listen(Number(process.env.PORT ?? 8080));

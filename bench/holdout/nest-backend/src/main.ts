import { NestFactory } from '@nestjs/core';
import { ConfigService } from '@nestjs/config';
import session from 'express-session';
import helmet from 'helmet';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  const config = app.get(ConfigService);
  app.use(helmet());
  app.use(
    session({
      secret: config.getOrThrow<string>('SESSION_SECRET'),
      resave: false,
      saveUninitialized: false,
      cookie: { httpOnly: false, secure: true, maxAge: 60 * 60 * 1000 }, // expect: session.handrolled
    }),
  );
  app.enableCors({ origin: config.get('WEB_ORIGIN'), credentials: true });
  await app.listen(config.get<number>('PORT') ?? 3000);
}
bootstrap();

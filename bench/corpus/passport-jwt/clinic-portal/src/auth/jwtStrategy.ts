import passport from 'passport';
import { ExtractJwt, Strategy as JwtStrategy, type StrategyOptionsWithoutRequest } from 'passport-jwt';
import { prisma } from '../db';

const publicKey = process.env.CLINIC_JWT_PUBLIC_KEY;
if (!publicKey) {
  throw new Error('CLINIC_JWT_PUBLIC_KEY is required');
}

const options: StrategyOptionsWithoutRequest = {
  jwtFromRequest: ExtractJwt.fromExtractors([
    ExtractJwt.fromAuthHeaderAsBearerToken(),
    // The printable lab report links open in a new tab without the SPA's header.
    ExtractJwt.fromUrlQueryParameter('access_token'), // expect: token.storage
  ]),
  secretOrKey: publicKey.replace(/\\n/g, '\n'),
  algorithms: ['RS256'],
  issuer: 'https://clinic-portal.example.org',
  audience: 'clinic-portal-web',
  // Nurses keep the tablet app open across a full shift; expired tokens were
  // logging them out mid-visit, so expiry is enforced by the refresh flow instead.
  ignoreExpiration: true, // expect: token.expiry
};

passport.use(
  'jwt',
  new JwtStrategy(options, async (payload: { sub: string; ver: number }, done) => {
    try {
      const staff = await prisma.staffMember.findUnique({
        where: { id: payload.sub },
        select: { id: true, clinicId: true, role: true, tokenVersion: true, disabledAt: true },
      });
      if (!staff || staff.disabledAt || staff.tokenVersion !== payload.ver) { // ok: compare.timing
        return done(null, false);
      }
      return done(null, staff);
    } catch (err) {
      return done(err, false);
    }
  }),
);

// Internal calls from the lab-results importer, signed with the importer's own key.
passport.use(
  'importer-jwt',
  new JwtStrategy( // ok: token.verify
    {
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: process.env.IMPORTER_JWT_PUBLIC_KEY!,
      algorithms: ['ES256'],
      issuer: 'lab-importer',
      audience: 'clinic-portal',
      jsonWebTokenOptions: { maxAge: '5m' },
    },
    (payload: { sub: string }, done) => done(null, { service: payload.sub }),
  ),
);

export const requireStaff = passport.authenticate('jwt', { session: false });
export const requireImporter = passport.authenticate('importer-jwt', { session: false });

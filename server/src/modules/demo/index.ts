// De demo-organisatie: seeded on an empty database by `npm start`; it uses the other modules' public APIs only.
export { type DemoCredentials, seedDemoIfEmpty } from './demo.service';

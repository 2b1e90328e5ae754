// Seeded randomness for training and evaluation: core owns it (the ranker samples with it too); kept here for its users.
export { mulberry32, shuffle } from '../core/random.ts';

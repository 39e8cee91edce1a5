/** The fake OpenAI-compatible server lives with the bench (built from src); the tests use the same one. */
export { goodAnswer, sequence, startFakeOpenAi, type FakeBehaviour, type FakeOpenAi, type SeenRequest } from '../../src/main/bench/fake-openai';

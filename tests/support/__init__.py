"""What tests and benchmarks share: fakes of the chat APIs and of HTTP servers on 127.0.0.1,
article and story builders, the seed story, and texts written for the tests."""

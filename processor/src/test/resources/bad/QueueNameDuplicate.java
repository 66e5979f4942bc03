package bad;

import dev.stepwise.Queue;

@Queue(name = "llm", concurrency = 8)
interface FirstLlmQueue {}

@Queue(name = "llm", concurrency = 2)
interface SecondLlmQueue {}

class QueueNameDuplicate {}

package dev.stepwise.it;

/** Every scenario interface; each database's suite implements this one. */
interface AllScenarios
    extends SequencingScenarios,
        BranchingScenarios,
        SuspendScenarios,
        RetryScenarios,
        TimingScenarios,
        FanOutScenarios,
        WideFanOutScenarios,
        LoopScenarios,
        AgentLoopScenarios,
        EventScenarios,
        WatchScenarios,
        TransactionalScenarios,
        ChildScenarios,
        FlowControlScenarios,
        ScheduleScenarios {}

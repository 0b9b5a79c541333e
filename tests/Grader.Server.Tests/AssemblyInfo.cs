// One test class at a time: each hosts a real server (or two processes) and trains real models on 2 cores,
// and Hangfire keeps process-wide state (its log provider and default storage) that one host's disposal
// would otherwise pull from under another still running.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

import Foundation
import Logging
import ServiceLifecycle

/// Fires the configured jobs at their cron times, in the configured time zone.
///
/// When each job last fired is kept in its dataset's state folder (`jobs.json`). At start-up, a
/// job whose next time after that has already passed (the service was down, or the machine was
/// off) runs once, however many times it was missed. On a job's first start its clock starts
/// then: nothing from before is run. The loop wakes at the next fire time or after a minute at the
/// latest and reads the wall clock again, so a clock change, a suspended machine or an NTP step
/// never makes it sleep through a job.
struct JobScheduler: Sendable {
    let configuration: ServiceConfiguration
    let coordinator: RunCoordinator
    let store: StateStore
    let logger: Logger

    func run() async {
        let zone = configuration.timeZone
        var last: [String: Date] = [:]
        let start = Date()
        for job in configuration.jobs {
            guard let folder = configuration.dataset(named: job.dataset)?.stateFolder else { continue }
            let records = await store.jobRecords(in: folder)
            if let previous = records.lastFired[job.name].map(Date.init(timeIntervalSince1970:)),
                let due = job.schedule.nextFire(after: previous, in: zone)
            {
                if due <= start {
                    logger.notice(
                        "missed job runs once at start-up",
                        metadata: ["job": "\(job.name)", "job.missed_at": "\(ServiceStatus.iso(due))"])
                    await fire(job, trigger: "missed", at: due, now: start)
                    last[job.name] = start
                } else {
                    last[job.name] = previous
                }
            } else {
                last[job.name] = start
                await store.recordFired(job: job.name, at: start, in: folder)
            }
        }
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let now = Date()
            var earliest = now.addingTimeInterval(60)
            for job in configuration.jobs {
                let previous = last[job.name] ?? now
                guard let next = job.schedule.nextFire(after: previous, in: zone) else {
                    await coordinator.noteSchedule(job: job.name, next: nil, last: last[job.name])
                    continue
                }
                if next <= now {
                    await fire(job, trigger: "schedule", at: next, now: now)
                    last[job.name] = now
                    let following = job.schedule.nextFire(after: now, in: zone)
                    await coordinator.noteSchedule(job: job.name, next: following, last: now)
                    if let following, following < earliest { earliest = following }
                } else {
                    await coordinator.noteSchedule(job: job.name, next: next, last: previous)
                    if next < earliest { earliest = next }
                }
            }
            let wait = max(earliest.timeIntervalSince(Date()), 0.05)
            await FolderWatcher.sleep(until: ContinuousClock.now.advanced(by: .milliseconds(Int64(wait * 1000))))
        }
    }

    private func fire(_ job: ServiceConfiguration.Job, trigger: String, at due: Date, now: Date) async {
        guard let folder = configuration.dataset(named: job.dataset)?.stateFolder else { return }
        await store.recordFired(job: job.name, at: now, in: folder)
        do {
            _ = try await coordinator.submit(
                RunCoordinator.Request(
                    dataset: job.dataset, kind: job.kind, trigger: trigger, job: job.name, firedAt: due))
        } catch {
            logger.error("job not queued", metadata: ["job": "\(job.name)", "error": "\(error)"])
        }
    }
}

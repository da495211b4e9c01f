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
        var fired: [String: Date] = [:]  // for /status: nil until a job has really fired
        let start = Date()
        for job in configuration.jobs {
            guard let folder = configuration.dataset(named: job.dataset)?.stateFolder else { continue }
            let records = await store.jobRecords(in: folder)
            let lastFired = records.lastFired[job.name].map(Date.init(timeIntervalSince1970:))
            fired[job.name] = lastFired
            if let previous = lastFired ?? records.scheduledSince?[job.name].map(Date.init(timeIntervalSince1970:)) {
                if let due = Self.missed(job, lastFired: previous, now: start, zone: zone) {
                    logger.notice(
                        "missed job runs once at start-up",
                        metadata: ["job": "\(job.name)", "job.missed_at": "\(ServiceStatus.iso(due))"])
                    await fire(job, trigger: "missed", at: due, now: start)
                    last[job.name] = start
                    fired[job.name] = start
                } else {
                    last[job.name] = previous
                }
            } else {
                // First start with this job: its times count from now; nothing before is run.
                last[job.name] = start
                await store.recordScheduledSince(job: job.name, at: start, in: folder)
            }
        }
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let now = Date()
            let step = Self.step(jobs: configuration.jobs, last: &last, now: now, zone: zone)
            for (job, due) in step.due {
                await fire(job, trigger: "schedule", at: due, now: now)
                fired[job.name] = now
            }
            for job in configuration.jobs {
                await coordinator.noteSchedule(job: job.name, next: step.next[job.name] ?? nil, last: fired[job.name])
            }
            let wait = max(step.wake.timeIntervalSince(Date()), 0.05)
            await FolderWatcher.sleep(until: ContinuousClock.now.advanced(by: .milliseconds(Int64(wait * 1000))))
        }
    }

    /// One look at the clock (pure, so tests give it any `now`): the jobs due, each with the time it
    /// was due, once however many of its times have passed since it last fired (`last` is moved
    /// to `now` for those); every job's next time; and when to look again (the earliest next
    /// time, or a minute from now at the latest).
    static func step(jobs: [ServiceConfiguration.Job], last: inout [String: Date], now: Date, zone: TimeZone) -> (
        due: [(ServiceConfiguration.Job, Date)], next: [String: Date?], wake: Date
    ) {
        var due: [(ServiceConfiguration.Job, Date)] = []
        var next: [String: Date?] = [:]
        var wake = now.addingTimeInterval(60)
        for job in jobs {
            var upcoming = job.schedule.nextFire(after: last[job.name] ?? now, in: zone)
            if let time = upcoming, time <= now {
                due.append((job, time))
                last[job.name] = now
                upcoming = job.schedule.nextFire(after: now, in: zone)
            }
            next[job.name] = upcoming
            if let upcoming, upcoming < wake { wake = upcoming }
        }
        return (due, next, wake)
    }

    /// When a job missed while the service was down was due, if it was: its next time after it
    /// last fired has passed.
    static func missed(_ job: ServiceConfiguration.Job, lastFired: Date?, now: Date, zone: TimeZone) -> Date? {
        guard let lastFired, let due = job.schedule.nextFire(after: lastFired, in: zone), due <= now else { return nil }
        return due
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

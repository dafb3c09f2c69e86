package dev.capstan.agent.trigger;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Fires one poll per application every interval. Each application's first poll is put at a random
 * point of its first interval, so a thousand applications with the same interval spread their Git
 * round trips instead of firing together. Polls only enqueue; the work queue does the work.
 */
public final class PollScheduler implements AutoCloseable {
  private static final String GROUP = "capstan-poll";
  private static final String CALLBACK = "callback";

  private final Scheduler scheduler;

  public PollScheduler(Consumer<String> onPoll) {
    Properties p = new Properties();
    p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, "capstan-" + System.identityHashCode(this));
    p.setProperty("org.quartz.threadPool.threadCount", "1");
    p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
    p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
    try {
      scheduler = new StdSchedulerFactory(p).getScheduler();
      scheduler.getContext().put(CALLBACK, onPoll);
      scheduler.start();
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot start the poll scheduler: " + e.getMessage(), e);
    }
  }

  /** (Re)schedules polls of {@code app} every {@code interval}, the first after a random part of it. */
  public void schedule(String app, Duration interval) {
    long intervalMs = Math.max(interval.toMillis(), 1000);
    Date first = Date.from(Instant.now().plusMillis(ThreadLocalRandom.current().nextLong(intervalMs)));
    JobDetail job = JobBuilder.newJob(PollJob.class).withIdentity(app, GROUP).usingJobData("app", app).build();
    Trigger trigger = TriggerBuilder.newTrigger().withIdentity(app, GROUP).startAt(first)
        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(intervalMs).repeatForever()
            .withMisfireHandlingInstructionNextWithRemainingCount())
        .build();
    try {
      scheduler.deleteJob(JobKey.jobKey(app, GROUP));
      scheduler.scheduleJob(job, trigger);
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot schedule polls of " + app + ": " + e.getMessage(), e);
    }
  }

  public void unschedule(String app) {
    try {
      scheduler.deleteJob(JobKey.jobKey(app, GROUP));
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot unschedule polls of " + app + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      scheduler.shutdown(false);
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot stop the poll scheduler: " + e.getMessage(), e);
    }
  }

  /** Quartz instantiates jobs by class; this one hands the app name to the agent's callback. */
  public static final class PollJob implements Job {
    @Override
    @SuppressWarnings("unchecked")
    public void execute(org.quartz.JobExecutionContext context) {
      try {
        Consumer<String> callback = (Consumer<String>) context.getScheduler().getContext().get(CALLBACK);
        callback.accept(context.getMergedJobDataMap().getString("app"));
      } catch (SchedulerException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}

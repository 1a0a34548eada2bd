import { useMemo, useState } from 'react';
import { LESSONS, lessonById, resolveBeats, type Lesson } from '../lessons';
import { traceEvents } from '../view-model/trace-events';
import { Checkpoint } from './Checkpoint';
import { useAppStore, useStoreApi } from './StoreContext';

interface Props {
  /** Switch the viewer to a lesson's design. */
  readonly onScenario: (id: string) => void;
}

/** Lesson list, then one lesson: narration per beat and "predict the next hop" checkpoints. */
export function LessonPanel({ onScenario }: Props) {
  const store = useStoreApi();
  const [lessonId, setLessonId] = useState<string | null>(null);
  const [beat, setBeat] = useState(-1);
  const [asking, setAsking] = useState(false);
  const lesson = lessonId ? lessonById(lessonId) : undefined;
  const events = useAppStore((s) => traceEvents(s.trace, s.verbosity));
  const ready = useAppStore((s) => s.traceStatus === 'done' && s.trace !== null);
  const stops = useMemo(() => (lesson ? resolveBeats(lesson, events) : []), [lesson, events]);

  const start = (l: Lesson): void => {
    onScenario(l.scenario);
    const s = store.getState();
    s.setVerbosity('layers');
    s.setTraceRequest(l.request);
    setLessonId(l.id);
    setBeat(-1);
    setAsking(false);
  };
  const reveal = (k: number): void => {
    setAsking(false);
    setBeat(k);
    const target = stops[k] ?? -1;
    const s = store.getState();
    s.setPlaying(false);
    s.setStep(target);
  };
  const next = (): void => {
    const k = beat + 1;
    if (lesson?.beats[k]?.predict && !asking) setAsking(true);
    else reveal(k);
  };

  if (!lesson) {
    return (
      <section className="hv-lessons" aria-label="Lessons">
        <h2 className="hv-panel-title">Lessons: the 2017 change, told through packets</h2>
        <ol className="hv-lesson-list">
          {LESSONS.map((l) => (
            <li key={l.id}>
              <button type="button" onClick={() => start(l)}>
                {l.title}
              </button>
            </li>
          ))}
        </ol>
      </section>
    );
  }
  const b = lesson.beats[beat];
  const done = beat >= lesson.beats.length - 1;
  const upcoming = lesson.beats[beat + 1];
  const nextLesson = LESSONS[LESSONS.indexOf(lesson) + 1];
  return (
    <section
      className="hv-lessons"
      aria-label={`Lesson: ${lesson.title}`}
      data-lesson={lesson.id}
      data-beat={beat}
    >
      <h2 className="hv-lesson-title">{lesson.title}</h2>
      <p className="hv-lesson-progress">
        Step {beat + 1} of {lesson.beats.length}
      </p>
      <div className="hv-lesson-body" aria-live="polite">
        {b ? (
          <>
            <h3>{b.title}</h3>
            <p>{b.text}</p>
          </>
        ) : (
          <p>{lesson.intro}</p>
        )}
        {done && (
          <p className="hv-lesson-done" role="status">
            Lesson complete.
          </p>
        )}
      </div>
      {asking && upcoming?.predict && (
        <Checkpoint
          key={`${lesson.id}-${beat + 1}`}
          checkpoint={upcoming.predict}
          onContinue={() => reveal(beat + 1)}
        />
      )}
      <div className="hv-lesson-nav">
        <button type="button" onClick={() => setLessonId(null)}>
          All lessons
        </button>
        {!done && !asking && (
          <button type="button" className="hv-primary" onClick={next} disabled={!ready}>
            {beat < 0 ? 'Start' : upcoming?.predict ? 'Predict the next hop' : 'Next'}
          </button>
        )}
        {done && nextLesson && (
          <button type="button" className="hv-primary" onClick={() => start(nextLesson)}>
            Next lesson
          </button>
        )}
      </div>
    </section>
  );
}

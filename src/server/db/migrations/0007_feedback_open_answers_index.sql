-- The report's open answers: the free-text answers of the responses in its scope. Without this index
-- PostgreSQL finds them by reading every answer of those responses (2.6 M at 10 M encounters, about
-- 300 ms whatever the period), as most answers are scores; with it, only the answers that have text.
create index feedback_answers_open on feedback_answers (response_id) where text_value is not null;

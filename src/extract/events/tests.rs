//! The sentence rules of [`super::events`] on invented articles, through the
//! whole extraction so that names are found as in real imports.

use jiff::civil::date;

use crate::extract::{extract, ArticleText};

/// The whole extraction of an article with this body.
fn extraction(body: &str, published: Option<jiff::civil::Date>) -> crate::extract::Extraction {
    extract(&ArticleText {
        title: "",
        body,
        published,
        credits: &[],
    })
}

/// (kind, date, participant names) of every event of `body`.
fn events_of(
    body: &str,
    published: Option<jiff::civil::Date>,
) -> Vec<(String, Option<String>, Vec<String>)> {
    let x = extraction(body, published);
    x.events
        .iter()
        .map(|e| {
            let names = e
                .participants
                .iter()
                .map(|&(i, _)| x.entities[i].name.clone())
                .collect();
            (e.kind.clone(), e.date.clone(), names)
        })
        .collect()
}

fn has(
    events: &[(String, Option<String>, Vec<String>)],
    kind: &str,
    day: Option<&str>,
    names: &[&str],
) -> bool {
    events.iter().any(|(k, d, p)| {
        k == kind && d.as_deref() == day && names.iter().all(|n| p.iter().any(|q| q == n))
    })
}

/// Asserts `has` for each (kind, day, names), naming the one missing.
fn assert_events(
    events: &[(String, Option<String>, Vec<String>)],
    expected: &[(&str, Option<&str>, &[&str])],
) {
    for &(kind, day, names) in expected {
        assert!(
            has(events, kind, day, names),
            "no {kind} on {day:?} with {names:?} in {events:?}"
        );
    }
}

#[test]
fn a_role_phrase_stands_for_the_person_named_before() {
    let body = "Präsident Anton Berger besuchte am 3. März 2025 die Stadt Ulm.\n\
                Am 4. März 2025 wurde der frühere Präsident in Untersuchungshaft genommen.";
    let ev = events_of(body, None);
    assert!(
        has(&ev, "legal", Some("2025-03-04"), &["Anton Berger"]),
        "{ev:?}"
    );
}

#[test]
fn the_two_ministers_are_the_two_people_named_before() {
    let body = "Außenministerin Swetlana Lindqvist sprach am 6. Mai 2025 mit Außenminister Bohdan Kowalczyk. \
                Es war das zweite Treffen der beiden Außenminister: Erstmals waren sie am 5. Mai 2024 in Genf zusammengekommen.";
    let ev = events_of(body, None);
    assert!(
        has(
            &ev,
            "meeting",
            Some("2024-05-05"),
            &["Swetlana Lindqvist", "Bohdan Kowalczyk"]
        ),
        "{ev:?}"
    );
}

#[test]
fn a_clause_with_its_own_trigger_and_date_is_an_event_of_its_own() {
    let body = "Das Parlament in Wien hatte am 8. April 2025 das Abkommen ratifiziert, \
                das Anton Berger und Bohdan Kowalczyk im Januar 2025 unterzeichnet hatten.";
    let ev = events_of(body, None);
    assert!(
        has(
            &ev,
            "agreement",
            Some("2025-01"),
            &["Anton Berger", "Bohdan Kowalczyk"]
        ),
        "{ev:?}"
    );
    // The first event keeps its own date, not the clause's.
    assert!(
        has(&ev, "ratification", Some("2025-04-08"), &["Wien"]),
        "{ev:?}"
    );
}

#[test]
fn a_pronoun_in_the_second_clause_is_the_sentence_subject() {
    let body = "Anton Berger war aus Rom angereist, wo er am 3. Mai 2025 mit Bohdan Kowalczyk Gespräche geführt hatte.";
    let ev = events_of(body, None);
    // The talks during the visit, on the talks' day, with both people (the
    // two reports are one happening, so they may merge into the visit).
    let both = ["Anton Berger", "Bohdan Kowalczyk"];
    assert!(
        has(&ev, "meeting", Some("2025-05-03"), &both)
            || has(&ev, "visit", Some("2025-05-03"), &both),
        "{ev:?}"
    );
}

#[test]
fn people_taking_part_join_the_gathering_told_before() {
    let body = "Anton Berger empfing am 2. Mai 2025 in Wien Bohdan Kowalczyk. \
                An dem Treffen nahm auch Ministerin Swetlana Lindqvist teil.";
    let ev = events_of(body, None);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert!(
        has(
            &ev,
            "meeting",
            Some("2025-05-02"),
            &["Anton Berger", "Bohdan Kowalczyk", "Swetlana Lindqvist"]
        ),
        "{ev:?}"
    );
}

#[test]
fn a_lead_takes_the_recent_day_its_paragraph_names() {
    // Published on Tuesday, 10 June 2025; "am Sonntag" is 8 June.
    let body = "Wien – Die Regierung hat den Journalisten Anton Berger freigelassen. \
                Innenminister Bohdan Kowalczyk hatte ihn am Sonntag begnadigt.";
    let ev = events_of(body, Some(date(2025, 6, 10)));
    assert!(
        has(&ev, "legal", Some("2025-06-08"), &["Anton Berger"]),
        "{ev:?}"
    );
}

#[test]
fn an_unresolved_date_of_its_own_is_not_the_paragraphs_date() {
    let body = "Im März 2023 traf Anton Berger in Wien Bohdan Kowalczyk. \
                Swetlana Lindqvist sagte am Dienstag, das sei ein Fehler gewesen.";
    let ev = events_of(body, None);
    assert!(
        has(&ev, "statement", None, &["Swetlana Lindqvist"]),
        "{ev:?}"
    );
}

#[test]
fn a_sentence_moved_in_time_does_not_inherit_the_paragraphs_date() {
    let body = "Der Agent Boris Lemke wurde im Mai 2021 in Graz verurteilt. \
                Außenminister Pavel Novak bestätigte später, dass Lemke für den Geheimdienst arbeitete. \
                Innenministerin Eva Roth besuchte Graz.";
    let ev = events_of(body, None);
    assert!(has(&ev, "statement", None, &["Pavel Novak"]), "{ev:?}");
    assert!(has(&ev, "visit", Some("2021-05"), &["Eva Roth"]), "{ev:?}");
}

#[test]
fn headline_and_teaser_lines_above_the_first_prose_paragraph_are_lead() {
    let published = Some(date(2025, 3, 14));
    let body = "Berger und Kowalczyk verständigen sich\n\
                Präsident Anton Berger ist nach Warschau gereist. Dort trifft er Bohdan Kowalczyk.\n\
                Präsident Anton Berger besuchte zuvor Prag.";
    let ev = events_of(body, published);
    assert!(
        has(&ev, "visit", Some("2025-03-14"), &["Anton Berger"]),
        "{ev:?}"
    );
    assert!(has(&ev, "visit", None, &["Anton Berger"]), "{ev:?}");
}

#[test]
fn since_dates_and_pluperfect_background_do_not_date_what_follows() {
    let published = Some(date(2025, 6, 14));
    let body = "Präsident Anton Berger besuchte am Freitag Wien, zum ersten Mal seit 2019.\n\
                Berger und Kanzlerin Eva Roth hatten sich bereits im März in Prag getroffen. \
                Roth sagte, die Gespräche seien gut verlaufen.";
    let ev = events_of(body, published);
    assert!(
        has(&ev, "visit", Some("2025-06-13"), &["Anton Berger"]),
        "{ev:?}"
    );
    assert!(
        has(&ev, "meeting", Some("2025-03"), &["Eva Roth"]),
        "{ev:?}"
    );
    assert!(
        !ev.iter().any(|(_, d, _)| d.as_deref() == Some("2019")),
        "{ev:?}"
    );
    // Not March's: said, undated, in the publication month.
    assert!(
        has(&ev, "statement", Some("2025-06"), &["Eva Roth"]),
        "{ev:?}"
    );
}

#[test]
fn days_named_relative_to_the_paragraphs_day() {
    let published = Some(date(2025, 6, 14));
    let body = "Außenminister Pavel Novak traf am Donnerstag in Bern ein. \
                Tags zuvor hatte er in Wien Kanzlerin Eva Roth getroffen. \
                Am selben Tag unterzeichnete Novak in Graz ein Abkommen mit Bürgermeister Jakob Huber.";
    let ev = events_of(body, published);
    assert!(
        has(&ev, "visit", Some("2025-06-12"), &["Pavel Novak"]),
        "{ev:?}"
    );
    assert!(
        has(&ev, "meeting", Some("2025-06-11"), &["Eva Roth"]),
        "{ev:?}"
    );
    assert!(
        has(&ev, "agreement", Some("2025-06-12"), &["Jakob Huber"]),
        "{ev:?}"
    );
}

#[test]
fn a_summary_with_only_a_place_names_the_kind_and_the_place() {
    let x = extraction(
        "Am 9. September 2023 fand in Pjöngjang eine Militärparade statt.",
        None,
    );
    let summaries: Vec<&str> = x.events.iter().map(|e| e.summary.as_str()).collect();
    assert!(summaries.contains(&"parade in Pjöngjang"), "{summaries:?}");
}

#[test]
fn a_relative_day_in_a_paragraph_without_a_date_counts_from_the_storys_day() {
    let published = Some(date(2025, 6, 16));
    let body = "Außenminister Pavel Novak traf am Samstag in Bern mit Kanzlerin Eva Roth zusammen.\n\n\
                Novak kam direkt aus Wien: Tags zuvor hatte er dort Bürgermeister Jakob Huber getroffen.";
    let ev = events_of(body, published);
    assert!(
        has(&ev, "meeting", Some("2025-06-14"), &["Eva Roth"]),
        "{ev:?}"
    );
    assert!(
        has(&ev, "meeting", Some("2025-06-13"), &["Jakob Huber"]),
        "{ev:?}"
    );
}

#[test]
fn flashbacks_and_a_nouns_date_do_not_date_what_follows() {
    let published = Some(date(2025, 8, 9));
    let body = "In Wien wurde am Freitag verhandelt.\n\n\
                Berger und Roth waren sich zuvor am 10. Juli in Prag begegnet. \
                Kanzler Jakob Huber besuchte danach Graz.\n\n\
                Präsident Anton Berger lobte die Erklärung vom November 2020 als Erfolg. \
                Minister Pavel Novak reiste dann nach Linz.";
    let ev = events_of(body, published);
    assert!(
        has(&ev, "meeting", Some("2025-07-10"), &["Anton Berger"]),
        "{ev:?}"
    );
    assert!(has(&ev, "visit", None, &["Jakob Huber"]), "{ev:?}");
    assert!(
        has(&ev, "statement", Some("2020-11"), &["Anton Berger"]),
        "{ev:?}"
    );
    assert!(has(&ev, "visit", None, &["Pavel Novak"]), "{ev:?}");
}

#[test]
fn talking_with_someone_and_taking_over_a_chair_are_events() {
    let published = Some(date(2025, 4, 12));
    let body = "Gesandter Pavel Novak war am Freitag in Graz, wo er mit Kanzlerin Eva Roth über den Handel sprach.\n\n\
                Am Dienstag übernahm Anton Berger den Vorsitz des Rates.";
    let ev = events_of(body, published);
    assert!(
        has(
            &ev,
            "meeting",
            Some("2025-04-11"),
            &["Pavel Novak", "Eva Roth"]
        ),
        "{ev:?}"
    );
    assert!(
        has(&ev, "office", Some("2025-04-08"), &["Anton Berger"]),
        "{ev:?}"
    );
}

#[test]
fn words_said_without_a_date_were_said_in_the_publication_month() {
    let body = "In Wien wurde am Freitag verhandelt.\n\n\
                Minister Pavel Novak sagte, man bleibe in Kontakt.\n\n\
                Präsident Anton Berger besuchte Graz.\n\n\
                Kanzlerin Eva Roth hatte den Plan kritisiert.";
    let ev = events_of(body, Some(date(2025, 8, 9)));
    assert!(
        has(&ev, "statement", Some("2025-08"), &["Pavel Novak"]),
        "{ev:?}"
    );
    assert!(has(&ev, "statement", None, &["Eva Roth"]), "{ev:?}");
    assert!(has(&ev, "visit", None, &["Anton Berger"]), "{ev:?}");
    let ev = events_of(body, None);
    assert!(has(&ev, "statement", None, &["Pavel Novak"]), "{ev:?}");
}

#[test]
fn two_days_an_article_names_are_two_happenings() {
    let body =
        "Präsident Anton Berger hat am Donnerstag Ministerin Swetlana Lindqvist in Ulm empfangen. \
                Lindqvist, die am Mittwochabend in Ulm eingetroffen war, traf dort auch Berger.";
    let ev = events_of(body, Some(date(2025, 5, 9)));
    assert!(
        has(&ev, "meeting", Some("2025-05-08"), &["Anton Berger"]),
        "{ev:?}"
    );
    assert!(
        has(&ev, "visit", Some("2025-05-07"), &["Swetlana Lindqvist"]),
        "{ev:?}"
    );
}

#[test]
fn a_relative_clause_date_does_not_date_what_follows() {
    let body = "In Ulm sind Gefangene begnadigt worden.\n\
                Freigelassen wurde auch Bohdan Kowalczyk, der im April 2023 verurteilt worden war. \
                Präsident Anton Berger bestätigte am Nachmittag die Begnadigung.";
    let ev = events_of(body, Some(date(2025, 5, 9)));
    assert!(
        has(&ev, "legal", Some("2023-04"), &["Bohdan Kowalczyk"]),
        "{ev:?}"
    );
    assert!(
        has(&ev, "statement", Some("2025-05"), &["Anton Berger"]),
        "{ev:?}"
    );
}

#[test]
fn a_time_of_day_alone_is_the_day_the_story_named() {
    let body = "Am Dienstag wurde Bohdan Kowalczyk in Ulm freigelassen.\n\
                Präsident Anton Berger werde ihn noch am Abend in Ulm empfangen.";
    let ev = events_of(body, Some(date(2025, 5, 9)));
    assert!(
        has(&ev, "meeting", Some("2025-05-06"), &["Anton Berger"]),
        "{ev:?}"
    );
}

#[test]
fn a_clause_counting_from_the_day_before_it_is_an_event_of_its_own() {
    let body =
        "Am 22. Oktober 2024 hatte Anton Berger die Ministerin Swetlana Lindqvist empfangen, \
                tags darauf folgte ein Treffen mit Bohdan Kowalczyk.";
    let ev = events_of(body, None);
    assert!(
        has(&ev, "meeting", Some("2024-10-22"), &["Swetlana Lindqvist"]),
        "{ev:?}"
    );
    assert!(
        has(&ev, "meeting", Some("2024-10-23"), &["Bohdan Kowalczyk"]),
        "{ev:?}"
    );
}

#[test]
fn without_a_publication_date_a_day_and_month_take_the_storys_year() {
    let body = "Am 20. Juni 2024 wurde Anton Berger in Ulm empfangen.\n\
                Swetlana Lindqvist hatte schon am Montag, dem 17. Juni, erklärt, sie sei dagegen. \
                Anton Berger starb Mitte Juli desselben Jahres. \
                Bohdan Kowalczyk erklärte am Freitag, dem 17. Juni, das Gegenteil. \
                Am Dienstag erklärte Swetlana Lindqvist ihren Rücktritt.";
    let ev = events_of(body, None);
    assert!(
        has(
            &ev,
            "statement",
            Some("2024-06-17"),
            &["Swetlana Lindqvist"]
        ),
        "{ev:?}"
    );
    // 17 June 2024 was a Monday, not a Friday: the weekday says it is another year.
    assert!(has(&ev, "statement", None, &["Bohdan Kowalczyk"]), "{ev:?}");
    assert!(
        has(&ev, "incident", Some("2024-07"), &["Anton Berger"]),
        "{ev:?}"
    );
    // A weekday counts from the day of writing, which is unknown.
    assert!(
        has(&ev, "statement", None, &["Swetlana Lindqvist"]),
        "{ev:?}"
    );
}

#[test]
fn a_capital_as_subject_acts_for_its_government() {
    let body = "In Ulm wurde gewählt.\n\
                Ende April hatte Pjöngjang den Einsatz offiziell bestätigt. \
                Die Regierung in Tokio kritisierte die Wahl.";
    let ev = events_of(body, Some(date(2025, 7, 12)));
    assert!(
        has(&ev, "statement", Some("2025-04"), &["Pjöngjang"]),
        "{ev:?}"
    );
    // After a noun or a preposition a place is where, not who.
    assert!(!ev.iter().any(|e| e.2 == ["Tokio"]), "{ev:?}");
}

#[test]
fn dabei_is_the_occasion_the_sentence_before_told() {
    let body = "Bohdan Kowalczyk traf Anton Berger am 10. Juli 2025 in Ulm.\n\
                Anfang Juni 2025 hatte Anton Berger Wien besucht. \
                Dabei kündigte er an, Wien werde Ulm helfen.";
    let ev = events_of(body, None);
    assert!(
        has(&ev, "announcement", Some("2025-06"), &["Wien"]),
        "{ev:?}"
    );
}

#[test]
fn a_sentence_naming_nobody_is_about_the_name_before_it() {
    let body = "Nordkorea startete am 21. November 2023 einen Satelliten.\n\
                Zwei Versuche waren gescheitert: Ende Mai 2023 stürzte die Rakete ins Meer, \
                im August 2023 versagte die dritte Stufe.";
    let ev = events_of(body, None);
    assert!(
        has(&ev, "incident", Some("2023-05"), &["Nordkorea"]),
        "{ev:?}"
    );
    assert!(
        has(&ev, "incident", Some("2023-08"), &["Nordkorea"]),
        "{ev:?}"
    );
}

#[test]
fn er_stands_for_the_man_named_last() {
    let body = "Präsident Anton Berger ist am 19. Juni 2024 in Ulm gelandet.\n\
                Am 20. Juni 2024 trifft er in Wien Bohdan Kowalczyk.";
    let ev = events_of(body, None);
    assert!(
        has(
            &ev,
            "meeting",
            Some("2024-06-20"),
            &["Anton Berger", "Bohdan Kowalczyk"]
        ),
        "{ev:?}"
    );
}

#[test]
fn a_trigger_used_as_an_adjective_reports_nothing() {
    let body = "In Ulm ist gewählt worden.\n\
                Anton Berger wurde am 19. Juli 2024 in einem international kritisierten Schnellverfahren verurteilt. \
                Am 20. Juli 2024 unterzeichneten Agenturchef Bohdan Kowalczyk und Anton Berger einen Vertrag.";
    let ev = events_of(body, Some(date(2024, 8, 2)));
    assert!(
        has(&ev, "legal", Some("2024-07-19"), &["Anton Berger"]),
        "{ev:?}"
    );
    assert!(!ev.iter().any(|e| e.0 == "statement"), "{ev:?}");
    assert!(
        has(&ev, "agreement", Some("2024-07-20"), &["Bohdan Kowalczyk"]),
        "{ev:?}"
    );
}

#[test]
fn an_agency_dateline_below_a_kicker_does_not_date_the_event() {
    let body = "Militärparade in Ulm\n\
                Datum: 2023.07.28.\n\
                Ulm, 28. Juli (TESTA) -- Zum 70. Jahrestag fand am 27. Juli in Ulm eine Militärparade statt.\n\
                Präsident Anton Berger nahm die Parade ab.";
    let ev = events_of(body, Some(date(2023, 7, 28)));
    assert!(
        has(&ev, "parade", Some("2023-07-27"), &["Anton Berger", "Ulm"]),
        "{ev:?}"
    );
    assert!(!ev.iter().any(|e| e.0 == "ceremony"), "{ev:?}");
}

#[test]
fn er_is_the_protagonist_and_two_days_later_counts_from_the_day_before() {
    let body = "Anton Berger reist durch den Osten.\n\
                Anton Berger hat sich Zeit gelassen. Nach seinem Treffen mit Bohdan Kowalczyk am 13. September 2023 fuhr der Präsident weiter nach Ulm. \
                Dort besichtigte er zwei Tage später das Flugzeugwerk.";
    let ev = events_of(body, None);
    assert!(
        has(&ev, "visit", Some("2023-09-15"), &["Anton Berger"]),
        "{ev:?}"
    );
    assert!(
        !has(&ev, "visit", Some("2023-09-15"), &["Bohdan Kowalczyk"]),
        "{ev:?}"
    );
}

#[test]
fn er_after_a_person_in_its_own_sentence_is_that_person() {
    let body = "Anton Berger reist durch den Osten. Anton Berger lobte die Stadt.\n\
                Nachdem Bohdan Kowalczyk am 3. März 2025 in Ulm gelandet war, traf er Carla Mertens.";
    let ev = events_of(body, None);
    let met = ev
        .iter()
        .find(|e| e.1.as_deref() == Some("2025-03-03"))
        .expect("the landing");
    assert!(met.2.contains(&"Bohdan Kowalczyk".to_string()), "{ev:?}");
    assert!(!met.2.contains(&"Anton Berger".to_string()), "{ev:?}");
}

#[test]
fn a_clock_time_tells_of_the_storys_day() {
    let body = "Stand: 14.06.2025\n\n\
                15:30 Uhr – Anton Berger besucht Ulm.\n\n\
                Um 18.45 Uhr empfing Bohdan Kowalczyk die Gäste.";
    let ev = events_of(body, Some(date(2025, 6, 14)));
    assert!(
        has(&ev, "visit", Some("2025-06-14"), &["Anton Berger"]),
        "{ev:?}"
    );
    assert!(
        has(&ev, "meeting", Some("2025-06-14"), &["Bohdan Kowalczyk"]),
        "{ev:?}"
    );
}

#[test]
fn deliveries_and_troops_sent_are_military_events() {
    let body = "Testland lieferte im April 2025 Luftabwehrsysteme an Nordkorea.\n\
                Nordkorea hat im Mai 2025 weitere 3000 Soldaten nach Russland geschickt.";
    let ev = events_of(body, None);
    assert!(
        has(&ev, "military", Some("2025-04"), &["Nordkorea"]),
        "{ev:?}"
    );
    assert!(
        has(&ev, "military", Some("2025-05"), &["Russland"]),
        "{ev:?}"
    );
}

#[test]
fn agreements_made_are_no_meetings() {
    let body = "Es ging um die Vereinbarungen, die Anton Berger und Bohdan Kowalczyk im Juni 2024 in Ulm getroffen hatten.";
    let ev = events_of(body, None);
    assert!(
        has(
            &ev,
            "agreement",
            Some("2024-06"),
            &["Anton Berger", "Bohdan Kowalczyk"]
        ),
        "{ev:?}"
    );
    assert!(!ev.iter().any(|e| e.0 == "meeting"), "{ev:?}");
}

#[test]
fn a_state_begun_on_a_day_is_dated_by_it_and_occupied_land_is_no_event() {
    let body =
        "Seit dem 6. August 2024 halten Truppen aus Testland Teile des Gebiets Ulm besetzt.\n\
                Rohstoffe liegen in den von Russland besetzten Gebieten im Osten.";
    let ev = events_of(body, None);
    assert!(has(&ev, "military", Some("2024-08-06"), &["Ulm"]), "{ev:?}");
    assert_eq!(ev.len(), 1, "{ev:?}");
}

#[test]
fn trains_setting_off_and_journeys_onward_are_visits() {
    let body =
        "Am 17. Juni 2025 hat sich in Ulm der erste Zug nach Testgrad in Bewegung gesetzt.\n\
                Am 3. März 2025 fuhr Anton Berger mit dem Zug weiter nach Testgrad.";
    let ev = events_of(body, None);
    assert!(has(&ev, "visit", Some("2025-06-17"), &["Ulm"]), "{ev:?}");
    assert!(
        has(&ev, "visit", Some("2025-03-03"), &["Anton Berger"]),
        "{ev:?}"
    );
}

#[test]
fn a_service_named_again_by_its_kind_takes_part() {
    let body = "Anton Berger reiste nach Ulm. Hintergrund sind Erkenntnisse des südkoreanischen Geheimdienstes (NIS).\n\
                Der Dienst hatte am 18. Oktober 2024 öffentlich gemacht, dass Truppen verlegt wurden.";
    let ev = events_of(body, None);
    assert!(
        ev.iter().any(|e| e.1.as_deref() == Some("2024-10-18")
            && e.0 == "announcement"
            && e.2.iter().any(|n| n == "NIS")),
        "{ev:?}"
    );
}

#[test]
fn showing_a_guest_around_is_a_visit() {
    let body = "Am 16. September 2023 zeigte Anton Berger dem Gast in Ulm neue Bomber.\n\
                Am 17. September 2023 ließ sich Bohdan Kowalczyk in Testgrad eine Fregatte zeigen.";
    let ev = events_of(body, None);
    assert!(
        has(&ev, "visit", Some("2023-09-16"), &["Anton Berger"]),
        "{ev:?}"
    );
    assert!(
        has(&ev, "visit", Some("2023-09-17"), &["Bohdan Kowalczyk"]),
        "{ev:?}"
    );
}

#[test]
fn a_sentence_moving_the_story_on_a_day_dates_the_next() {
    let body = "Anton Berger besuchte am 13. September 2023 die Stadt Ulm.\n\
                Tags darauf stand Testgrad auf dem Programm. Bohdan Kowalczyk empfing den Gast im Hafen.";
    let ev = events_of(body, None);
    assert!(
        has(&ev, "meeting", Some("2023-09-14"), &["Bohdan Kowalczyk"]),
        "{ev:?}"
    );
}

#[test]
fn the_first_day_named_in_a_relative_clause_starts_the_story() {
    let body =
        "Anna Berger gehörte zu jener Gruppe, die am 9. Februar 2024 nach Ulm reisen durfte.\n\
                Am Tag darauf besuchte die Gruppe Wladiwostok.";
    let ev = events_of(body, None);
    assert!(
        has(&ev, "visit", Some("2024-02-10"), &["Wladiwostok"]),
        "{ev:?}"
    );
    // A story that has a day of its own keeps counting from it.
    let body = "Anna Berger reiste am 3. März 2024 nach Ulm.\n\
                Sie traf Carla Mertens, die am 9. Februar 2024 nach Ulm gezogen war.\n\
                Am Tag darauf besuchte die Gruppe Wladiwostok.";
    let ev = events_of(body, None);
    assert!(
        has(&ev, "visit", Some("2024-03-04"), &["Wladiwostok"]),
        "{ev:?}"
    );
}

#[test]
fn a_date_in_a_clause_opened_by_seit_is_not_the_main_clauses() {
    let body = "Am Montagabend landete Anton Berger in Ulm.\n\
                Es ist sein erster Besuch in Ulm, seit das Gericht am 17. März 2023 einen Haftbefehl erlassen hat.";
    let ev = events_of(body, None);
    assert!(
        !ev.iter()
            .any(|e| e.0 == "visit" && e.1.as_deref() == Some("2023-03-17")),
        "{ev:?}"
    );
}

#[test]
fn a_question_reports_nothing() {
    let body = "Frage: Herr Berger, was bedeutet der Besuch in Ulm am 3. März 2025?\n\
                Anton Berger: Ulm braucht Partner.";
    assert_eq!(events_of(body, None), []);
}

#[test]
fn er_is_the_person_the_title_names_and_a_flashback_counts_from_the_named_day() {
    let title = "Anton Berger im Osten: Mit dem Zug zu den Werften";
    let body = "Nach dem Gipfel mit Bohdan Kowalczyk fährt der Präsident weiter.\n\
                Anton Berger hat sich Zeit gelassen. Nach seinem Treffen mit Bohdan Kowalczyk am 13. September 2023 fuhr der Präsident weiter nach Ulm. \
                Dort besichtigte er zwei Tage später eine Werft.\n\
                Tags darauf stand Testgrad auf dem Programm. Carla Mertens empfing den Gast im Hafen.\n\
                Begonnen hatte die Reise am Vortag des Gipfels, als Anton Berger in Testdorf eintraf.";
    let x = extract(&ArticleText {
        title,
        body,
        published: None,
        credits: &[],
    });
    let ev: Vec<(String, Option<String>, Vec<String>)> = x
        .events
        .iter()
        .map(|e| {
            let names = e
                .participants
                .iter()
                .map(|&(i, _)| x.entities[i].name.clone())
                .collect();
            (e.kind.clone(), e.date.clone(), names)
        })
        .collect();
    assert!(
        has(&ev, "visit", Some("2023-09-15"), &["Anton Berger"]),
        "{ev:?}"
    );
    assert!(
        has(&ev, "visit", Some("2023-09-12"), &["Anton Berger"]),
        "{ev:?}"
    );
}

#[test]
fn a_ceremony_naming_nobody_happened_at_the_place_before_but_a_meeting_did_not() {
    let body =
        "Die neue Brücke in Ulm ist wichtig. Mit ihrem Bau wurde Ende April 2025 begonnen.\n\
                Die Hallen in Testgrad sind groß. Am 3. März 2025 wurde dort lange verhandelt.";
    let ev = events_of(body, None);
    assert!(has(&ev, "ceremony", Some("2025-04"), &["Ulm"]), "{ev:?}");
    assert!(!ev.iter().any(|e| e.0 == "meeting"), "{ev:?}");
}

#[test]
fn a_tickers_stamp_is_the_publication_day_and_seit_a_month_dates_a_state() {
    let body = "Am 12. Juni 2025 besuchte Anton Berger die Stadt Ulm.\n\n\
                14:05 Uhr: Bohdan Kowalczyk trifft in Testgrad ein.\n\n\
                Seit Anfang Mai 2025 halten Truppen Teile des Gebiets Testsk besetzt.";
    let ev = events_of(body, Some(date(2025, 6, 14)));
    assert!(
        has(&ev, "visit", Some("2025-06-14"), &["Bohdan Kowalczyk"]),
        "{ev:?}"
    );
    assert!(has(&ev, "military", Some("2025-05"), &[]), "{ev:?}");
}

#[test]
fn a_tickers_entry_below_its_stamp_is_of_the_stamps_day() {
    let body = "Am 12. Juni 2025 besuchte Anton Berger die Stadt Ulm.\n\n\
                13:50 Uhr: Gespräche in Testgrad\n\n\
                Nach der Parade sind Anton Berger und Bohdan Kowalczyk in Testgrad zu Gesprächen zusammengekommen.";
    let ev = events_of(body, Some(date(2025, 6, 14)));
    assert!(
        has(&ev, "meeting", Some("2025-06-14"), &["Bohdan Kowalczyk"]),
        "{ev:?}"
    );
}

#[test]
fn protests_resignations_ceasefires_and_calls_for_help_are_events() {
    let body = "Ausgelöst worden waren die Proteste am 2. Januar 2022 in der Ölstadt Testaosen.\n\
                Den Vorsitz hatte Anton Berger inne, der im März 2019 als Präsident zurückgetreten war.\n\
                Am 20. September 2023 willigten die Rebellen in eine von Russland vermittelte Feuerpause ein.\n\
                Am 5. Januar 2022 bat Bohdan Kowalczyk die Allianz Testpakt um Hilfe.";
    assert_events(
        &events_of(body, None),
        &[
            ("incident", Some("2022-01-02"), &["Testaosen"]),
            ("office", Some("2019-03"), &["Anton Berger"]),
            ("agreement", Some("2023-09-20"), &["Russland"]),
            ("statement", Some("2022-01-05"), &["Bohdan Kowalczyk"]),
        ],
    );
}

#[test]
fn a_day_since_which_a_state_lasts_dates_the_main_clause_beside_a_dated_relative_one() {
    let body = "Der Minister Anton Berger, dessen Rücktritt Bohdan Kowalczyk am 5. Dezember 2024 \
                angenommen hatte, sitzt seit Sonntag, dem 8. Dezember 2024, in Haft.";
    let ev = events_of(body, None);
    assert!(
        ev.iter().any(|e| e.1.as_deref() == Some("2024-12-08")),
        "{ev:?}"
    );
    assert!(
        has(&ev, "office", Some("2024-12-05"), &["Anton Berger"]),
        "{ev:?}"
    );
}

#[test]
fn votes_readings_withdrawals_rallies_elections_complaints_and_talks_are_events() {
    let body =
        "In dritter Lesung stimmten am 14. Mai 2024 84 Abgeordnete der Partei Testfront dafür.\n\
                Die erste Lesung war am 17. April 2024 in Ulm erfolgt.\n\
                Im März 2023 hatte die Partei Testfront einen Entwurf zurückgezogen.\n\
                Vor dem Parlament in Ulm versammelten sich am 14. Mai 2024 Tausende.\n\
                Am 11. Mai 2024 waren mehr als 50.000 Menschen durch Ulm gezogen.\n\
                Anton Berger hat am 3. November 2024 die Stichwahl gewonnen.\n\
                Bohdan Kowalczyk beklagte am 4. November 2024 eine Einmischung.\n\
                Am 25. Juni 2024 begannen in Luxemburg die Beitrittsverhandlungen.";
    assert_events(
        &events_of(body, None),
        &[
            ("ratification", Some("2024-05-14"), &["Testfront"]),
            ("ratification", Some("2024-04-17"), &["Ulm"]),
            ("measure", Some("2023-03"), &["Testfront"]),
            ("incident", Some("2024-05-14"), &["Ulm"]),
            ("incident", Some("2024-05-11"), &["Ulm"]),
            ("office", Some("2024-11-03"), &["Anton Berger"]),
            ("statement", Some("2024-11-04"), &["Bohdan Kowalczyk"]),
            ("meeting", Some("2024-06-25"), &["Luxemburg"]),
        ],
    );
}

#[test]
fn a_reasons_date_is_its_own_not_the_main_clauses() {
    let body =
        "Kritiker sprechen vom Gesetz, weil Russland im März 2012 ein Gesetz erlassen hatte.";
    let ev = events_of(body, None);
    assert!(has(&ev, "other", Some("2012-03"), &["Russland"]), "{ev:?}");
    assert!(!has(&ev, "statement", Some("2012-03"), &[]), "{ev:?}");
}

#[test]
fn coups_boardings_outages_protests_understandings_and_border_stones_are_events() {
    let body = "Am 26. Juli 2023 putschte das Militär in Niger.\n\
                Spezialkräfte hatten den Tanker am 26. Dezember 2024 bei Porvoo geentert.\n\
                Das Stromkabel zwischen Finnland und Estland war am 25. Dezember 2024 ausgefallen.\n\
                Zehntausende haben am 9. Mai 2024 in Eriwan protestiert.\n\
                Anton Berger und Bohdan Kowalczyk verständigten sich am 19. April 2024 auf einen Vertrag.\n\
                Am 23. April 2024 wurde in Tawusch der erste Grenzstein gesetzt.";
    assert_events(
        &events_of(body, None),
        &[
            ("military", Some("2023-07-26"), &["Niger"]),
            ("military", Some("2024-12-26"), &["Porvoo"]),
            ("incident", Some("2024-12-25"), &["Finnland", "Estland"]),
            ("incident", Some("2024-05-09"), &["Eriwan"]),
            (
                "agreement",
                Some("2024-04-19"),
                &["Anton Berger", "Bohdan Kowalczyk"],
            ),
            ("measure", Some("2024-04-23"), &["Tawusch"]),
        ],
    );
}

#[test]
fn a_reports_date_is_not_the_date_after_its_colon() {
    let body = "Die Sonde Luna-25 war am 19. August 2023 auf dem Mond aufgeschlagen. \
                Einen Tag später bestätigte die Behörde Roskosmos den Verlust: Der Kontakt \
                sei am Samstag abgerissen.";
    let ev = events_of(body, Some(date(2023, 8, 21)));
    assert!(
        has(&ev, "statement", Some("2023-08-20"), &["Roskosmos"]),
        "{ev:?}"
    );
}

#[test]
fn three_days_before_counts_from_the_day_of_a_clause_before() {
    let body = "Möglich wurde der Schritt, nachdem am 30. März 2023 das Parlament der Türkei \
                zugestimmt hatte. Drei Tage zuvor hatte das Parlament in Budapest den Beitritt gebilligt.";
    let ev = events_of(body, None);
    assert!(
        has(&ev, "ratification", Some("2023-03-27"), &["Budapest"]),
        "{ev:?}"
    );
}

#[test]
fn what_a_report_says_with_its_own_date_is_its_own_happening() {
    let body = "In Moskau wies Anton Berger die Vorwürfe am 3. April 2022 zurück: alle Einheiten \
                hätten Butscha bereits am 30. März 2022 verlassen.\n\
                Es ist der erste Fall, der Anton Berger vorgeworfen wird: 1986 war Bohdan Kowalczyk \
                in Moskau festgenommen worden.\n\
                Am 30. März 2023 ordnete das Gericht in Moskau Untersuchungshaft bis zum 29. Mai 2023 an.";
    let ev = events_of(body, None);
    assert_events(
        &ev,
        &[
            ("statement", Some("2022-04-03"), &["Anton Berger", "Moskau"]),
            ("other", Some("2022-03-30"), &["Butscha"]),
            ("statement", Some("1986"), &["Bohdan Kowalczyk"]),
            ("legal", Some("2023-03-30"), &["Moskau"]),
        ],
    );
    assert!(
        !ev.iter().any(|e| e.1.as_deref() == Some("2023-05-29")),
        "{ev:?}"
    );
}

#[test]
fn a_trigger_noun_with_its_own_date_is_a_happening_of_that_day() {
    let body = "Auch nach dem Telefonat vom 2. April 2023 zwischen Anton Berger und \
                Bohdan Kowalczyk bewegte sich Moskau nicht.";
    let ev = events_of(body, None);
    assert!(
        has(
            &ev,
            "call",
            Some("2023-04-02"),
            &["Anton Berger", "Bohdan Kowalczyk"]
        ),
        "{ev:?}"
    );
}

#[test]
fn handovers_and_ships_entering_port_are_events() {
    let body = "Am 27. September 2023 wurde Anton Berger in Dandong an US-Vertreter übergeben.\n\
                Am 18. Juli 2023 lief ein Atom-U-Boot in den Hafen Busan ein.";
    assert_events(
        &events_of(body, None),
        &[
            ("legal", Some("2023-09-27"), &["Anton Berger", "Dandong"]),
            ("visit", Some("2023-07-18"), &["Busan"]),
        ],
    );
}

#[test]
fn a_ship_put_into_service_is_a_ceremony() {
    let body = "Der Kreuzer war am 30. Dezember 1982 in Sewastopol in Dienst gestellt worden.";
    let ev = events_of(body, None);
    assert!(
        has(&ev, "ceremony", Some("1982-12-30"), &["Sewastopol"]),
        "{ev:?}"
    );
}

#[test]
fn a_strong_past_verb_after_a_weekday_tells_the_past() {
    let body = "Unter den Toten sind auch Soldaten: Am Mittwoch geriet ein Fahrzeug \
                unter Beschuss, wie Anton Berger in Ulm mitteilte.";
    // Thursday 21 September 2023: Wednesday is the day before.
    let ev = events_of(body, Some(date(2023, 9, 21)));
    assert!(
        ev.iter().any(|e| e.1.as_deref() == Some("2023-09-20")),
        "{ev:?}"
    );
    assert!(
        !ev.iter().any(|e| e.1.as_deref() == Some("2023-09-27")),
        "{ev:?}"
    );
}

#[test]
fn convening_launching_banning_calling_on_and_referendums_are_events() {
    let body = "Anton Berger berief am 3. März 2025 den Nationalen Sicherheitsrat ein.\n\
                Am 4. März 2025 nahm Bohdan Kowalczyk in Ulm am Stapellauf eines Zerstörers teil.\n\
                Der UN-Sicherheitsrat hatte den Einsatz im Jahr 2017 verboten.\n\
                Anton Berger hatte die Abgeordneten am 5. März 2025 aufgefordert, zuzustimmen.\n\
                In einem Referendum hatten am 6. Oktober 2024 die Wähler in Testland für das Projekt gestimmt.";
    assert_events(
        &events_of(body, None),
        &[
            ("meeting", Some("2025-03-03"), &["Anton Berger"]),
            ("ceremony", Some("2025-03-04"), &["Bohdan Kowalczyk"]),
            ("legal", Some("2017"), &["UN-Sicherheitsrat"]),
            ("statement", Some("2025-03-05"), &["Anton Berger"]),
            ("ratification", Some("2024-10-06"), &[]),
        ],
    );
}

#[test]
fn vetoes_votes_arrivals_openings_offers_and_mandates_ending_are_events() {
    let body = "Am 28. März 2024 legte Testland im UN-Sicherheitsrat ein Veto ein.\n\
                Am 1. Juli 2025 sind Touristen aus Testland in Ulm angekommen.\n\
                Anton Berger sprach am 2. Juli 2025 bei der Eröffnung in Ulm.\n\
                Anton Berger hat am 3. Juli 2025 Bohdan Kowalczyk einen Austausch angeboten.\n\
                Das Mandat des UN-Sicherheitsrats endet am 30. April 2024.";
    assert_events(
        &events_of(body, None),
        &[
            ("ratification", Some("2024-03-28"), &["UN-Sicherheitsrat"]),
            ("visit", Some("2025-07-01"), &["Ulm"]),
            ("ceremony", Some("2025-07-02"), &["Anton Berger"]),
            (
                "statement",
                Some("2025-07-03"),
                &["Anton Berger", "Bohdan Kowalczyk"],
            ),
            ("legal", Some("2024-04-30"), &["UN-Sicherheitsrat"]),
        ],
    );
}

#[test]
fn wreaths_and_succession_are_events() {
    let body = "Am 30. November 2024 legte Anton Berger in Ulm einen Kranz nieder.\n\
                Im Mai 2024 hatte Anton Berger den Minister Bohdan Kowalczyk abgelöst.";
    assert_events(
        &events_of(body, None),
        &[
            ("ceremony", Some("2024-11-30"), &["Anton Berger"]),
            (
                "office",
                Some("2024-05"),
                &["Anton Berger", "Bohdan Kowalczyk"],
            ),
        ],
    );
}

#[test]
fn a_word_gap_counts_words_within_the_sentence() {
    let re = regex::bytes::Regex::new(&super::word_gaps(r"traf\s+<4 words>ein")).unwrap();
    assert!(re.is_match("traf am Dienstag in Moskau ein".as_bytes()));
    // A day's number with its dot is a word of the sentence.
    assert!(re.is_match("traf am 3. März ein".as_bytes()));
    assert!(re.is_match("traf in Pjöngjang ein".as_bytes()));
    assert!(!re.is_match("traf am Dienstag in der Hauptstadt ein".as_bytes()));
    assert!(!re.is_match("traf am Dienstag. Moskau ein".as_bytes()));
}

#[test]
fn a_dated_sentence_with_actors_and_no_trigger_is_an_other_event() {
    let body = "Im Dezember 2023 folgte Anton Berger mit einer Delegation aus Testland.\n\
                Am 14. März 2023 saß der Gesandte Bohdan Kowalczyk im Außenamt von Testland.\n\
                Im Jahr 2009 lag die Zahl der Mitarbeiter bei 40.\n\
                Hat Anton Berger am 2. Mai 2024 geschwiegen?\n\
                Am 5. Mai 2024 regnete es in Ulm.";
    let ev = events_of(body, None);
    assert_events(
        &ev,
        &[
            ("other", Some("2023-12"), &["Anton Berger"]),
            ("other", Some("2023-03-14"), &["Bohdan Kowalczyk"]),
        ],
    );
    // A year alone, a question, and a day with only a place report nothing.
    let others: Vec<_> = ev.iter().filter(|e| e.0 == "other").collect();
    assert_eq!(others.len(), 2, "{ev:?}");
}

#[test]
fn a_month_told_and_then_one_of_its_days_is_one_happening() {
    let body = "Im September 2023 reiste Anton Berger nach Testland.\n\
                Am 13. September 2023 traf Anton Berger in Ulm Bohdan Kowalczyk.";
    let ev = events_of(body, None);
    let trips: Vec<_> = ev
        .iter()
        .filter(|e| e.0 == "visit" || e.0 == "meeting")
        .collect();
    assert_eq!(trips.len(), 1, "{ev:?}");
    assert!(has(
        &ev,
        trips[0].0.as_str(),
        Some("2023-09-13"),
        &["Anton Berger", "Bohdan Kowalczyk"]
    ));
    // "Anfang September" is a part of the month: maybe another trip.
    let body = "Anfang September 2023 reiste Anton Berger nach Testland.\n\
                Am 23. September 2023 traf Anton Berger in Ulm Bohdan Kowalczyk.";
    let ev = events_of(body, None);
    assert!(
        has(&ev, "visit", Some("2023-09"), &["Anton Berger"]),
        "{ev:?}"
    );
    assert!(
        has(
            &ev,
            "meeting",
            Some("2023-09-23"),
            &["Anton Berger", "Bohdan Kowalczyk"]
        ),
        "{ev:?}"
    );
}

#[test]
fn background_and_years_date_other_events_and_a_trigger_names_the_kind() {
    let body = "Anton Berger ist gestern in Ulm eingetroffen.\n\
                Anton Berger war bereits im September in Ulm, damals als Minister.\n\
                Noch 2017 hatte Testland im UN-Sicherheitsrat dem Plan zugestimmt.\n\
                Im Mai 2024 war Bohdan Kowalczyk in Genf. Am 3. Mai 2024 besuchte Bohdan Kowalczyk in Genf die Ausstellung.";
    let ev = events_of(body, Some(date(2025, 3, 22)));
    assert_events(
        &ev,
        &[
            ("visit", Some("2025-03-21"), &["Anton Berger"]),
            ("other", Some("2024-09"), &["Anton Berger"]),
            ("ratification", Some("2017"), &["UN-Sicherheitsrat"]),
            // The month without a trigger and its day with one: one visit.
            ("visit", Some("2024-05-03"), &["Bohdan Kowalczyk"]),
        ],
    );
    assert!(
        !has(&ev, "other", Some("2024-05"), &["Bohdan Kowalczyk"]),
        "{ev:?}"
    );
}

#[test]
fn a_masculine_role_phrase_never_means_a_woman_named_before() {
    let body = "Außenminister Anton Berger ist am 18. Oktober 2023 in Ulm eingetroffen.\n\
                Am Flughafen wurde er von seiner Amtskollegin Swetlana Lindqvist empfangen.\n\
                Der Minister war am 18. Oktober 2023 aus Bern kommend in Ulm gelandet.";
    let ev = events_of(body, None);
    assert!(
        has(&ev, "visit", Some("2023-10-18"), &["Anton Berger"]),
        "{ev:?}"
    );
    // "Der Minister" is Berger, not Lindqvist, the woman named last.
    let landed: Vec<_> = ev
        .iter()
        .filter(|e| e.2.iter().any(|n| n == "Swetlana Lindqvist") && e.0 == "visit")
        .filter(|e| !e.2.iter().any(|n| n == "Anton Berger"))
        .collect();
    assert!(landed.is_empty(), "{ev:?}");
}

#[test]
fn sanctions_governments_by_their_capital_and_days_told_last_or_at_the_same_time() {
    // 2024-05-24 is a Friday.
    let body = "Die Regierung in Seoul verhängte am Freitag Sanktionen gegen zwei Frachter.\n\
                Zeitgleich fror Japan die Vermögen von elf Firmen ein.\n\
                Schon Anfang April hatte Seoul Firmen auf seine Sanktionsliste gesetzt. Genf sprach damals von einem Fehler.\n\
                Am Sonntag nahm Anton Berger das Geschenk entgegen, am Dienstag machte die Agentur Belta es öffentlich. Bohdan Kowalczyk bestätigte am selben Tag den Empfang.\n\
                Am Montag empfängt Anton Berger in Seoul den Gast Bohdan Kowalczyk.";
    let ev = events_of(body, Some(date(2024, 5, 24)));
    assert_events(
        &ev,
        &[
            ("sanctions", Some("2024-05-24"), &["Seoul"]),
            ("sanctions", Some("2024-05-24"), &["Japan"]),
            ("sanctions", Some("2024-04"), &["Seoul"]),
            ("statement", Some("2024-04"), &["Genf"]),
            ("statement", Some("2024-05-21"), &["Bohdan Kowalczyk"]),
            (
                "meeting",
                Some("2024-05-27"),
                &["Anton Berger", "Bohdan Kowalczyk"],
            ),
        ],
    );
}

#[test]
fn a_groups_journey_an_agencys_own_words_and_a_seit_clauses_happening() {
    // 2024-02-09 is a Friday.
    let body = "Die Reisegruppe landete am Freitag in Pjöngjang. Am Samstag soll es weiter in das Skigebiet Masiktal gehen. \
                Am Montag fliegt die Gruppe nach Wladiwostok zurück.\n\
                Die Staatsagentur TASS hatte das Angebot Mitte Januar publik gemacht.\n\
                Seit er am 19. Juni in Pjöngjang mit Kim Jong Un einen Vertrag unterzeichnet hat, klingt die Idee anders.";
    let ev = events_of(body, Some(date(2024, 2, 9)));
    assert_events(
        &ev,
        &[
            ("visit", Some("2024-02-09"), &["Pjöngjang"]),
            ("visit", Some("2024-02-10"), &["Masiktal"]),
            ("visit", Some("2024-02-12"), &["Wladiwostok"]),
            ("announcement", Some("2024-01"), &["TASS"]),
            ("agreement", Some("2023-06-19"), &["Kim Jong Un"]),
        ],
    );
}

#[test]
fn a_following_word_repeats_the_trigger_before_it() {
    let body = "Die Staatsduma hatte den Vertrag am 24. Oktober 2024 ratifiziert, der Föderationsrat folgte am 6. November 2024.\n\
                Am 22. Oktober 2024 unterzeichnete Wladimir Putin den Vertrag, tags darauf folgte ein Treffen mit Xi Jinping.\n\
                Danach folgte Kim Jong Un am 3. März 2025.";
    let ev = events_of(body, None);
    assert_events(
        &ev,
        &[
            ("ratification", Some("2024-10-24"), &["Staatsduma"]),
            ("ratification", Some("2024-11-06"), &["Föderationsrat"]),
            ("agreement", Some("2024-10-22"), &["Wladimir Putin"]),
            ("meeting", Some("2024-10-23"), &["Xi Jinping"]),
        ],
    );
    // Alone, "folgte" names no kind: the dated sentence is "other".
    let alone: Vec<_> = ev
        .iter()
        .filter(|e| e.1.as_deref() == Some("2025-03-03"))
        .collect();
    assert!(alone.iter().all(|e| e.0 == "other"), "{ev:?}");
}

#[test]
fn a_dated_relative_clause_tells_its_own_happening_and_not_the_sentences_date() {
    let body = "Westliche Anbieter wie der Veranstalter Polar Intur, der im Jänner 2020 ihre letzte Gruppe nach Nordkorea gebracht hatte, warten weiter.\n\
                Präsident Anton Berger, der im Mai 2023 Oslo besucht hatte, empfing am 3. März 2025 in Ulm den Gast Bohdan Kowalczyk.";
    let ev = events_of(body, Some(date(2025, 3, 5)));
    assert_events(
        &ev,
        &[
            ("other", Some("2020-01"), &["Polar Intur"]),
            ("visit", Some("2023-05"), &["Anton Berger", "Oslo"]),
            (
                "meeting",
                Some("2025-03-03"),
                &["Anton Berger", "Bohdan Kowalczyk"],
            ),
        ],
    );
    // The meeting is not dated by the relative clause, nor takes its place.
    let meeting = ev.iter().find(|e| e.0 == "meeting");
    assert!(
        meeting.is_some_and(|m| !m.2.iter().any(|n| n == "Oslo")),
        "{ev:?}"
    );
}

#[test]
fn a_dated_conjunction_clause_tells_its_own_happening() {
    let body = "Es ist die erste Reisegruppe, seit Pjöngjang Anfang 2020 die Grenzen geschlossen hatte.\n\
                Die Gruppe aus elf Staaten wurde im Oktober 2024 gegründet, nachdem Russland im März 2024 per Veto ein Gremium verhindert hatte.\n\
                Russland hatte am 30. Dezember 2023 erstmals eine Rakete eingesetzt, wie das Weiße Haus Anfang Januar 2024 mitteilte.";
    let ev = events_of(body, Some(date(2025, 5, 30)));
    let dated = |day: &str, name: &str| {
        ev.iter()
            .any(|e| e.1.as_deref() == Some(day) && e.2.iter().any(|n| n == name))
    };
    for (day, name) in [
        ("2020", "Pjöngjang"),
        ("2024-03", "Russland"),
        ("2023-12-30", "Russland"),
        ("2024-01", "Weißes Haus"),
    ] {
        assert!(dated(day, name), "nothing on {day} with {name} in {ev:?}");
    }
    // The conjunction clause's date is not the main clause's.
    assert!(!dated("2024-10", "Russland"), "{ev:?}");
}

#[test]
fn a_ministry_in_a_capital_acts_for_its_government() {
    let body = "Eine Auswertung, die das Verteidigungsministerium in Kiew am 9. Mai 2024 vorlegte, beziffert den Schaden.";
    let ev = events_of(body, Some(date(2024, 5, 14)));
    assert!(
        has(&ev, "announcement", Some("2024-05-09"), &["Kiew"]),
        "{ev:?}"
    );
}

#[test]
fn a_relative_clause_dated_relative_to_the_main_clause_tells_of_its_noun() {
    // With a trigger of its own: "gelandet" is an arrival, the day before.
    let body = "Am 19. Oktober 2023 empfing Anton Berger den Minister Bohdan Kowalczyk, \
                der am Abend zuvor in der Hauptstadt gelandet war.";
    let ev = events_of(body, None);
    assert!(
        has(
            &ev,
            "meeting",
            Some("2023-10-19"),
            &["Anton Berger", "Bohdan Kowalczyk"]
        ),
        "{ev:?}"
    );
    assert!(
        has(&ev, "visit", Some("2023-10-18"), &["Bohdan Kowalczyk"]),
        "{ev:?}"
    );
    // Without one, it is a happening of its own, of that noun.
    let body = "Am 19. Oktober 2023 empfing Anton Berger den Minister Bohdan Kowalczyk, \
                der tags zuvor noch in Ulm war.";
    let ev = events_of(body, None);
    assert!(
        has(
            &ev,
            "other",
            Some("2023-10-18"),
            &["Bohdan Kowalczyk", "Ulm"]
        ),
        "{ev:?}"
    );
}

#[test]
fn an_agency_reporting_in_its_own_clause_is_the_report() {
    // 2025-03-14 is a Friday.
    let body = "Die Zeremonie fand am Mittwoch in Wonsan statt, wie die Staatsagentur KCNA heute berichtete.\n\
                Die Übergabe fand am Dienstag in Hamhung statt, wie der Sender KBS gestern meldete.\n\
                Ein Schreiben sei gestern beim Ministerium in Pjöngjang eingegangen, meldete die Nachrichtenagentur TASS heute.";
    let ev = events_of(body, Some(date(2025, 3, 14)));
    assert_events(
        &ev,
        &[
            ("announcement", Some("2025-03-14"), &["KCNA"]),
            ("announcement", Some("2025-03-13"), &["TASS"]),
            ("announcement", Some("2025-03-13"), &["KBS"]),
        ],
    );
}

#[test]
fn a_day_told_as_background_starts_the_story() {
    let body = "Schwere Stürme hatten am 12. Mai die Küste bei Wonsan verwüstet. \
                Kim Jong Un reiste tags darauf in die Region.";
    let ev = events_of(body, Some(date(2025, 5, 20)));
    assert_events(&ev, &[("visit", Some("2025-05-13"), &["Kim Jong Un"])]);
}

#[test]
fn floods_evacuations_and_thanks_are_events() {
    let body = "Heftige Regenfälle hatten am 3. September den Fluss Tumen über die Ufer treten lassen. \
                In der Stadt Hunchun wurden am 4. September Tausende Menschen in Sicherheit gebracht. \
                Kim Jong Un hat sich am 6. September bei Wladimir Putin bedankt.";
    let ev = events_of(body, Some(date(2025, 9, 8)));
    assert_events(
        &ev,
        &[
            ("incident", Some("2025-09-03"), &["Tumannaja"]),
            ("incident", Some("2025-09-04"), &["Hunchun"]),
            (
                "statement",
                Some("2025-09-06"),
                &["Kim Jong Un", "Wladimir Putin"],
            ),
        ],
    );
}

#[test]
fn a_visit_framing_a_signing_tells_both() {
    let body = "Sergej Lawrow hat am 3. März bei einem Besuch in Pjöngjang ein Abkommen mit Choe Son Hui unterzeichnet. \
                Am 5. März stand Kim Jong Un beim Treffen der Parteiführung am Rednerpult.";
    let ev = events_of(body, Some(date(2025, 3, 6)));
    assert_events(
        &ev,
        &[
            (
                "agreement",
                Some("2025-03-03"),
                &["Sergej Lawrow", "Choe Son Hui"],
            ),
            ("visit", Some("2025-03-03"), &["Sergej Lawrow", "Pjöngjang"]),
            // No formal act follows: the meeting itself is told.
            ("meeting", Some("2025-03-05"), &["Kim Jong Un"]),
        ],
    );
}

#[test]
fn funerals_speeches_intrusions_and_naval_drills_are_events() {
    let body = "Am 2. März wurde Boris Testow auf dem Friedhof in Moskau beigesetzt. \
                Am 3. März hielt Wladimir Putin seine Rede an die Föderationsversammlung. \
                Am 4. März war ein Aufklärungsflugzeug über Hokkaido in den Luftraum eingedrungen. \
                Am 5. März begannen Russland und China im Japanischen Meer ein gemeinsames Marinemanöver.";
    let ev = events_of(body, Some(date(2024, 3, 6)));
    assert_events(
        &ev,
        &[
            ("ceremony", Some("2024-03-02"), &["Boris Testow"]),
            ("statement", Some("2024-03-03"), &["Wladimir Putin"]),
            ("incident", Some("2024-03-04"), &["Hokkaido"]),
            ("military", Some("2024-03-05"), &["Russland", "China"]),
        ],
    );
}

#[test]
fn sie_with_a_verb_in_the_singular_is_the_woman_named_before() {
    let body = "Witwe Anna Testowa verfolgte die Feier aus dem Ausland. \
                Sie hatte am 16. Februar Wladimir Putin für den Tod verantwortlich gemacht. \
                Putin werde bestraft, sagte sie am 17. Februar.\n\
                Die Minister hatten sie am 18. Februar kritisiert.";
    let ev = events_of(body, Some(date(2024, 3, 1)));
    assert_events(
        &ev,
        &[
            (
                "other",
                Some("2024-02-16"),
                &["Anna Testowa", "Wladimir Putin"],
            ),
            (
                "statement",
                Some("2024-02-17"),
                &["Anna Testowa", "Wladimir Putin"],
            ),
        ],
    );
    // "hatten sie": plural verb, and the woman is not the subject anyway.
    assert!(
        !has(&ev, "statement", Some("2024-02-18"), &["Anna Testowa"]),
        "{ev:?}"
    );
}

#[test]
fn a_coordinated_part_with_its_own_date_tells_its_own_happening() {
    let body = "Boris Testow hatte 2020 einen Giftanschlag überlebt und war im Januar 2021 nach Moskau zurückgekehrt.\n\
                Anna Testowa war 2019 in Minsk gewesen und kehrte im Mai 2022 nach Kiew zurück.";
    let ev = events_of(body, Some(date(2024, 3, 1)));
    assert_events(
        &ev,
        &[
            ("incident", Some("2020"), &["Boris Testow"]),
            ("visit", Some("2021-01"), &["Boris Testow", "Moskau"]),
            ("visit", Some("2019"), &["Anna Testowa"]),
            ("visit", Some("2022-05"), &["Kiew"]),
        ],
    );
}

#[test]
fn attacks_claims_eruptions_warnings_and_mourning_are_events() {
    let body = "Bewaffnete hatten am 1. März in Krasnogorsk das Feuer auf Besucher eröffnet. \
                Am 2. März reklamierte der Islamische Staat die Tat für sich. \
                Am 3. März ist der Vulkan Kljutschewskaja Sopka ausgebrochen. \
                Am 4. März gab Hawaii eine Tsunami-Warnung heraus. \
                Am 5. März legten Tausende in Krasnogorsk Blumen nieder.";
    let ev = events_of(body, Some(date(2024, 3, 6)));
    assert_events(
        &ev,
        &[
            ("incident", Some("2024-03-01"), &["Krasnogorsk"]),
            ("statement", Some("2024-03-02"), &["Islamischer Staat"]),
            ("incident", Some("2024-03-03"), &["Kljutschewskaja Sopka"]),
            ("announcement", Some("2024-03-04"), &["Hawaii"]),
            ("ceremony", Some("2024-03-05"), &["Krasnogorsk"]),
        ],
    );
    // "seit Ausbruch der Pandemie" tells no eruption.
    let since = events_of(
        "Am 9. Februar durften 97 Russen seit Ausbruch der Pandemie nach Nordkorea reisen.",
        Some(date(2024, 2, 10)),
    );
    assert!(!since.iter().any(|e| e.0 == "incident"), "{since:?}");
}

#[test]
fn finals_celebrations_receptions_and_reelections_are_events() {
    let body = "Am 3. November gewann Nordkorea das Finale gegen Spanien in Santo Domingo. \
                Am 9. November wurde das Team in Pjöngjang gefeiert. \
                Am 12. November gab es einen Empfang für Kim Il Guk. \
                Am 17. März feierte Wladimir Putin seine Wiederwahl.";
    let ev = events_of(body, Some(date(2024, 11, 20)));
    assert_events(
        &ev,
        &[
            ("sport", Some("2024-11-03"), &["Nordkorea", "Santo Domingo"]),
            ("ceremony", Some("2024-11-09"), &["Pjöngjang"]),
            ("meeting", Some("2024-11-12"), &["Kim Il Guk"]),
            ("ceremony", Some("2024-03-17"), &["Wladimir Putin"]),
        ],
    );
}

#[test]
fn quakes_that_happened_and_honours_given_are_events() {
    let body = "Das Beben hatte sich am 30. Juli vor Kamtschatka ereignet. \
                Am 3. November wurde Jon Il Chong als beste Spielerin ausgezeichnet. \
                Gouverneur Waleri Limarenko versprach am 4. November auf der Insel Paramuschir Soforthilfe.";
    let ev = events_of(body, Some(date(2025, 11, 5)));
    assert_events(
        &ev,
        &[
            ("incident", Some("2025-07-30"), &["Kamtschatka"]),
            ("ceremony", Some("2025-11-03"), &["Jon Il Chong"]),
        ],
    );
    let x = extraction(body, Some(date(2025, 11, 5)));
    // "Soforthilfe" is a common noun, not part of the island's name.
    assert!(
        x.entities.iter().all(|e| !e.name.contains("Soforthilfe")),
        "{:?}",
        x.entities
    );
}

#[test]
fn a_sentence_adding_to_the_story_goes_on_at_its_day() {
    let ev = |second: &str| {
        let body = format!("Ein Erdbeben hat am 30. Juli Kamtschatka erschüttert.\n{second}");
        events_of(&body, Some(date(2025, 8, 2)))
    };
    let zudem = ev("Zudem hat Boris Testow ein Abkommen unterzeichnet.");
    assert_events(
        &zudem,
        &[("agreement", Some("2025-07-30"), &["Boris Testow"])],
    );
    // Without such a word a new paragraph does not inherit the day.
    let plain = ev("Boris Testow hat ein Abkommen unterzeichnet.");
    assert_events(&plain, &[("agreement", None, &["Boris Testow"])]);
}

#[test]
fn the_same_day_is_the_day_of_the_sentence_before() {
    let body = "Am 3. August brach der Vulkan Testberg aus.\n\
                Das Beben hatte sich am 30. Juli vor Kamtschatka ereignet. \
                In Japan hatten die Behörden am selben Tag die Evakuierung von Wakayama angeordnet.";
    let ev = events_of(body, Some(date(2025, 8, 4)));
    assert_events(&ev, &[("incident", Some("2025-07-30"), &["Japan"])]);
}

#[test]
fn his_thing_involves_the_man_the_story_is_about() {
    let body = "Boris Testow ist offenbar tot. Sein Privatjet stürzte am 23. August nordwestlich von Moskau ab.";
    let ev = events_of(body, Some(date(2023, 8, 24)));
    assert_events(
        &ev,
        &[("incident", Some("2023-08-23"), &["Boris Testow", "Moskau"])],
    );
}

#[test]
fn a_leading_report_clause_is_its_own_event_and_the_report_decides_nothing() {
    let body =
        "Wie die Nachrichtenagentur KCNA am 9. November berichtete, wurde das Team am 8. November \
                von Sportminister Kim Il Guk empfangen.";
    let ev = events_of(body, Some(date(2024, 11, 10)));
    assert_events(
        &ev,
        &[
            ("announcement", Some("2024-11-09"), &["KCNA"]),
            ("meeting", Some("2024-11-08"), &["Kim Il Guk"]),
        ],
    );
}

#[test]
fn the_day_something_began_dates_a_sentence_without_a_trigger() {
    // 2024-05-31 is a Friday; "seit Dienstagabend" is 2024-05-28.
    let body =
        "Nordkorea hat seit Dienstagabend rund 260 Ballons über die Grenze nach Südkorea gebracht.";
    let ev = events_of(body, Some(date(2024, 5, 31)));
    assert_events(
        &ev,
        &[("other", Some("2024-05-28"), &["Nordkorea", "Südkorea"])],
    );
}

#[test]
fn watching_an_exercise_closing_a_border_and_a_part_naming_no_one() {
    // 2025-09-17 is a Wednesday.
    let body = "Anton Berger zeigte sich gestern auf dem Truppenübungsplatz Mulino.\n\
                Bohdan Kowalczyk verfolgte den Abschluss zeitgleich auf dem Übungsplatz Borissow.\n\
                Vor einer Woche waren Drohnen in den Luftraum eingedrungen, Polen schloss am Freitag seine Grenze.";
    let ev = events_of(body, Some(date(2025, 9, 17)));
    assert_events(
        &ev,
        &[
            (
                "visit",
                Some("2025-09-16"),
                &["Bohdan Kowalczyk", "Borissow"],
            ),
            ("measure", Some("2025-09-12"), &["Polen"]),
            ("incident", Some("2025-09-10"), &["Polen"]),
        ],
    );
}

#[test]
fn a_state_as_subject_speaks_a_denial_reports_nothing_and_a_dated_clause_after_a_comma() {
    // 2025-04-12 is a Saturday.
    let body = "Die USA hatten im Dezember einen Boykott der Spiele verkündet.\n\
                Welches Modell es war, schrieb die Agentur Belta nicht.\n\
                Im Februar hatte Anton Berger den Lehrer Bohdan Kowalczyk heimgeholt, am 13. März folgte ein Gespräch in Moskau.\n\
                Der Konzern Gazprom hatte die Lieferungen nach Polen im November ausgesetzt.";
    let ev = events_of(body, Some(date(2025, 4, 12)));
    assert_events(
        &ev,
        &[
            ("announcement", Some("2024-12"), &["USA"]),
            (
                "other",
                Some("2025-02"),
                &["Anton Berger", "Bohdan Kowalczyk"],
            ),
            ("meeting", Some("2025-03-13"), &["Moskau"]),
            ("measure", Some("2024-11"), &["Gazprom"]),
        ],
    );
    assert!(
        !ev.iter().any(|e| e.2.iter().any(|n| n == "Belta")),
        "what Belta did not write is no event: {ev:?}"
    );
}

#[test]
fn a_gathering_in_a_sentence_dated_apart_from_the_cue_is_its_own() {
    let body = "Anton Berger traf am 27. April 2018 Bohdan Kowalczyk in Genf. \
                Sechs Wochen später, am 12. Juni 2018, folgte in Singapur das erste Gipfeltreffen von Anton Berger und Swetlana Lindqvist.";
    let ev = events_of(body, Some(date(2019, 7, 1)));
    assert_events(
        &ev,
        &[
            (
                "meeting",
                Some("2018-04-27"),
                &["Anton Berger", "Bohdan Kowalczyk"],
            ),
            (
                "meeting",
                Some("2018-06-12"),
                &["Swetlana Lindqvist", "Singapur"],
            ),
        ],
    );
    let april = ev.iter().find(|e| e.1.as_deref() == Some("2018-04-27"));
    assert!(
        april.is_some_and(|e| !e.2.iter().any(|n| n == "Swetlana Lindqvist")),
        "{ev:?}"
    );
}

#[test]
fn handshakes_invasions_leaks_tremors_and_council_sessions_are_events() {
    // 2022-10-06 is a Thursday.
    let body = "Anton Berger reichte Bohdan Kowalczyk am Sonntag die Hand.\n\
                Seit dem Einmarsch in die Ukraine am 24. Februar ist die Brücke wichtig.\n\
                Seismologen registrierten am 26. September zwei Erschütterungen in der Ostsee.\n\
                Am 30. September befasste sich der UN-Sicherheitsrat mit den Lecks.";
    let ev = events_of(body, Some(date(2022, 10, 6)));
    assert_events(
        &ev,
        &[
            (
                "meeting",
                Some("2022-10-02"),
                &["Anton Berger", "Bohdan Kowalczyk"],
            ),
            ("military", Some("2022-02-24"), &["Ukraine"]),
            ("incident", Some("2022-09-26"), &["Ostsee"]),
            ("meeting", Some("2022-09-30"), &["UN-Sicherheitsrat"]),
        ],
    );
}

#[test]
fn hours_later_is_the_same_day_and_a_background_paragraph_does_not_move_the_story() {
    // 2020-09-02 is a Wednesday.
    let body = "Das teilte Anton Berger am Mittwochnachmittag mit.\n\
                Wenige Stunden später sagte Swetlana Lindqvist, das sei ein Giftmord.\n\
                Noch am Nachmittag bestellte das Auswärtige Amt den Botschafter Bohdan Kowalczyk ein.\n\
                Der Gast war am 20. August in Omsk zusammengebrochen. Vor elf Tagen wurde er nach Genf gebracht.\n\
                Moskau weist das zurück. Kremlsprecher Dmitri Peskow sagte am Abend, es gebe keine Daten.";
    let ev = events_of(body, Some(date(2020, 9, 2)));
    assert_events(
        &ev,
        &[
            ("statement", Some("2020-09-02"), &["Swetlana Lindqvist"]),
            ("meeting", Some("2020-09-02"), &["Bohdan Kowalczyk"]),
            ("statement", Some("2020-09-02"), &["Dmitri Peskow"]),
        ],
    );
}

#[test]
fn lifting_a_measure_and_a_televised_address_are_events() {
    // 2024-12-14 is a Saturday.
    let body = "Anton Berger verhängte am 3. Dezember das Kriegsrecht. Tags darauf musste er es wieder aufheben.\n\
                Heute übernahm Bohdan Kowalczyk die Geschäfte. Kowalczyk versprach am Abend in einer Fernsehansprache Stabilität.";
    let ev = events_of(body, Some(date(2024, 12, 14)));
    assert_events(
        &ev,
        &[
            ("measure", Some("2024-12-03"), &["Anton Berger"]),
            ("measure", Some("2024-12-04"), &["Anton Berger"]),
            ("statement", Some("2024-12-14"), &["Bohdan Kowalczyk"]),
        ],
    );
}

#[test]
fn separable_arrests_forced_landings_overflights_and_feasts() {
    // 2021-05-28 is a Friday; Whit Sunday 2021 was 23 May.
    let body = "Ein Flug nach Vilnius ist am Sonntag zur Landung in Minsk gezwungen worden. Sicherheitskräfte nahmen dort den Blogger Anton Berger fest.\n\
                Fünf Drohnen hatten am Montag die Grenze zu Polen überflogen.\n\
                Begonnen hatte die Krise am Pfingstsonntag, als Anton Berger in Minsk festgenommen wurde. Bohdan Kowalczyk wies die Vorwürfe am Mittwoch zurück.";
    let ev = events_of(body, Some(date(2021, 5, 28)));
    assert_events(
        &ev,
        &[
            ("incident", Some("2021-05-23"), &["Minsk"]),
            ("legal", Some("2021-05-23"), &["Anton Berger"]),
            ("incident", Some("2021-05-24"), &["Polen"]),
            ("statement", Some("2021-05-26"), &["Bohdan Kowalczyk"]),
        ],
    );
}

#[test]
fn word_sent_through_a_spokesman_and_a_paper_ceasing_are_events() {
    // 2022-08-31 is a Wednesday.
    let body = "Anton Berger ließ am Dienstag über seinen Sprecher wissen, er trauere.\n\
                Die Zeitung Testblatt hatte im März ihr Erscheinen eingestellt.";
    let ev = events_of(body, Some(date(2022, 8, 31)));
    assert_events(
        &ev,
        &[
            ("statement", Some("2022-08-30"), &["Anton Berger"]),
            ("measure", Some("2022-03"), &["Testblatt"]),
        ],
    );
}

#[test]
fn er_with_no_one_named_lately_is_the_storys_protagonist() {
    let body = "Anton Berger ist am Dienstagabend gestorben.\n\
                Mit Reformen wollte er das System retten. Als im November 1989 die Mauer fiel, blieben die Panzer in den Kasernen. \
                1990 erhielt er einen Preis. Den Putschversuch im August 1991 überstand er nur knapp. \
                Am 25. Dezember 1991 verkündete er im Fernsehen seinen Rücktritt.";
    let ev = events_of(body, Some(date(2022, 8, 31)));
    assert_events(
        &ev,
        &[("announcement", Some("1991-12-25"), &["Anton Berger"])],
    );
}

#[test]
fn a_day_planned_does_not_move_the_story() {
    // 2022-09-21 is a Wednesday.
    let body = "Anton Berger sagte in einer Ansprache am Mittwochmorgen, das Dekret gelte.\n\
                Die Rede war ursprünglich für Dienstagabend erwartet worden. Bohdan Kowalczyk sagte kurz darauf, es seien 300.000.";
    let ev = events_of(body, Some(date(2022, 9, 21)));
    assert_events(
        &ev,
        &[("statement", Some("2022-09-21"), &["Bohdan Kowalczyk"])],
    );
}

#[test]
fn deeds_after_a_flashback_in_its_paragraph_go_on_at_its_day() {
    // 2022-12-27 is a Tuesday.
    let body = "Anton Berger räumte am Dienstag Fehler ein.\n\
                Fünf Drohnen hatten am Montag die Grenze überflogen. Eine von ihnen drang bis nach Seoul vor. \
                Das Militär schickte Kampfjets nach Gimpo. Bohdan Kowalczyk sagte, das sei ein Skandal.";
    let ev = events_of(body, Some(date(2022, 12, 27)));
    assert_events(
        &ev,
        &[
            ("incident", Some("2022-12-26"), &["Seoul"]),
            ("military", Some("2022-12-26"), &["Gimpo"]),
            ("statement", Some("2022-12"), &["Bohdan Kowalczyk"]),
        ],
    );
}

#[test]
fn bei_dem_einsatz_reaches_past_a_sentence_reporting_nothing() {
    // 2022-12-27 is a Tuesday.
    let body = "Das Militär räumte am Dienstag Fehler ein.\n\
                Fünf Drohnen hatten am Montag die Grenze überflogen. Eine drang bis nach Seoul vor. \
                Das Militär schickte Kampfjets los, die 100 Schuss abfeuerten – ohne Erfolg. \
                Nach etwa fünf Stunden verschwanden die Drohnen vom Radar. An den Flughäfen wurden Starts zeitweise ausgesetzt.\n\
                Bei dem Einsatz stürzte zudem ein leichtes Flugzeug in Hoengseong ab.";
    let ev = events_of(body, Some(date(2022, 12, 27)));
    assert_events(&ev, &[("incident", Some("2022-12-26"), &["Hoengseong"])]);
}

proptest::proptest! {
    /// The byte-wise lowering is the character-wise rule it replaced:
    /// ASCII letters and Ä, Ö, Ü lowered, ß as "ss", every length kept.
    #[test]
    fn lower_keep_len_lowers_ascii_and_umlauts_only(s in "(?:[ -~]|[äöüÄÖÜßẞÉéÃ]|\\PC){0,40}") {
        let expected: String = s
            .chars()
            .map(|c| match c {
                'Ä' => "ä".to_string(),
                'Ö' => "ö".to_string(),
                'Ü' => "ü".to_string(),
                'ß' => "ss".to_string(),
                c => c.to_ascii_lowercase().to_string(),
            })
            .collect();
        let lowered = super::lower_keep_len(&s);
        proptest::prop_assert_eq!(lowered.len(), s.len());
        proptest::prop_assert_eq!(lowered, expected);
    }
}

WITH "t24" AS (
  SELECT
    "t23"."month",
    "t23"."child_id",
    MAX("t23"."ep_start") AS "care_start"
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t21"."month",
        "t21"."month_end",
        "t21"."month_index",
        "t21"."child_id",
        "t21"."district",
        "t21"."adoptive",
        "t14"."ep_child",
        "t14"."ep_start",
        "t14"."ep_reason"
      FROM (
        SELECT
          "t19"."month",
          "t19"."month_end",
          "t19"."month_index",
          "t19"."child_id",
          "t19"."district",
          CAST(CASE WHEN "t19"."placement_type" IN ('A3', 'A4', 'A5', 'A6') THEN 1 ELSE 0 END AS BIGINT) AS "adoptive"
        FROM (
          SELECT
            "t5"."month",
            "t5"."month_end",
            "t5"."month_index",
            "t18"."episode_id",
            "t18"."child_id",
            "t18"."team_id",
            "t18"."start_date",
            "t18"."end_date",
            "t18"."reason_new",
            "t18"."placement_type",
            "t18"."provider",
            "t18"."legal_status",
            "t18"."reason_ceased",
            "t18"."team_id_right",
            "t18"."district",
            "t18"."team_kind",
            "t6"."date_of_birth",
            "t6"."sex",
            "t6"."uasc",
            "t6"."family_id"
          FROM "memtable_1" AS "t5"
          INNER JOIN (
            SELECT
              "t7"."episode_id",
              "t7"."child_id",
              "t7"."team_id",
              "t7"."start_date",
              "t7"."end_date",
              "t7"."reason_new",
              "t7"."placement_type",
              "t7"."provider",
              "t7"."legal_status",
              "t7"."reason_ceased",
              "t13"."team_id" AS "team_id_right",
              "t13"."district",
              "t13"."team_kind"
            FROM "care_episodes" AS "t7"
            LEFT OUTER JOIN (
              SELECT
                "t2"."team_id",
                "t2"."district",
                "t2"."kind" AS "team_kind"
              FROM "teams" AS "t2"
            ) AS "t13"
              ON "t7"."team_id" = "t13"."team_id"
          ) AS "t18"
            ON "t18"."start_date" <= "t5"."month_end"
            AND COALESCE("t18"."end_date", MAKE_DATE(9999, 12, 31)) > "t5"."month_end"
          INNER JOIN "children" AS "t6"
            ON "t18"."child_id" = "t6"."child_id"
        ) AS "t19"
        WHERE
          (
            (
              CAST(EXTRACT(year FROM "t19"."month_end") AS BIGINT) - CAST(EXTRACT(year FROM "t19"."date_of_birth") AS BIGINT)
            ) - CAST(CASE
              WHEN (
                (
                  EXTRACT(month FROM "t19"."month_end") * 100
                ) + EXTRACT(day FROM "t19"."month_end")
              ) < (
                (
                  EXTRACT(month FROM "t19"."date_of_birth") * 100
                ) + EXTRACT(day FROM "t19"."date_of_birth")
              )
              THEN 1
              ELSE 0
            END AS BIGINT)
          ) < 16
      ) AS "t21"
      INNER JOIN (
        SELECT
          "t4"."child_id" AS "ep_child",
          "t4"."start_date" AS "ep_start",
          "t4"."reason_new" AS "ep_reason"
        FROM "care_episodes" AS "t4"
      ) AS "t14"
        ON "t21"."child_id" = "t14"."ep_child" AND "t14"."ep_start" <= "t21"."month_end"
    ) AS "t22"
    WHERE
      "t22"."ep_reason" = 'S'
  ) AS "t23"
  GROUP BY
    1,
    2
), "t33" AS (
  SELECT
    "t21"."month",
    "t21"."month_end",
    "t21"."month_index",
    "t21"."child_id",
    "t21"."district",
    "t21"."adoptive",
    "t26"."care_start",
    "t32"."placement_start",
    "t32"."previous_start"
  FROM (
    SELECT
      "t19"."month",
      "t19"."month_end",
      "t19"."month_index",
      "t19"."child_id",
      "t19"."district",
      CAST(CASE WHEN "t19"."placement_type" IN ('A3', 'A4', 'A5', 'A6') THEN 1 ELSE 0 END AS BIGINT) AS "adoptive"
    FROM (
      SELECT
        "t5"."month",
        "t5"."month_end",
        "t5"."month_index",
        "t18"."episode_id",
        "t18"."child_id",
        "t18"."team_id",
        "t18"."start_date",
        "t18"."end_date",
        "t18"."reason_new",
        "t18"."placement_type",
        "t18"."provider",
        "t18"."legal_status",
        "t18"."reason_ceased",
        "t18"."team_id_right",
        "t18"."district",
        "t18"."team_kind",
        "t6"."date_of_birth",
        "t6"."sex",
        "t6"."uasc",
        "t6"."family_id"
      FROM "memtable_1" AS "t5"
      INNER JOIN (
        SELECT
          "t7"."episode_id",
          "t7"."child_id",
          "t7"."team_id",
          "t7"."start_date",
          "t7"."end_date",
          "t7"."reason_new",
          "t7"."placement_type",
          "t7"."provider",
          "t7"."legal_status",
          "t7"."reason_ceased",
          "t13"."team_id" AS "team_id_right",
          "t13"."district",
          "t13"."team_kind"
        FROM "care_episodes" AS "t7"
        LEFT OUTER JOIN (
          SELECT
            "t2"."team_id",
            "t2"."district",
            "t2"."kind" AS "team_kind"
          FROM "teams" AS "t2"
        ) AS "t13"
          ON "t7"."team_id" = "t13"."team_id"
      ) AS "t18"
        ON "t18"."start_date" <= "t5"."month_end"
        AND COALESCE("t18"."end_date", MAKE_DATE(9999, 12, 31)) > "t5"."month_end"
      INNER JOIN "children" AS "t6"
        ON "t18"."child_id" = "t6"."child_id"
    ) AS "t19"
    WHERE
      (
        (
          CAST(EXTRACT(year FROM "t19"."month_end") AS BIGINT) - CAST(EXTRACT(year FROM "t19"."date_of_birth") AS BIGINT)
        ) - CAST(CASE
          WHEN (
            (
              EXTRACT(month FROM "t19"."month_end") * 100
            ) + EXTRACT(day FROM "t19"."month_end")
          ) < (
            (
              EXTRACT(month FROM "t19"."date_of_birth") * 100
            ) + EXTRACT(day FROM "t19"."date_of_birth")
          )
          THEN 1
          ELSE 0
        END AS BIGINT)
      ) < 16
  ) AS "t21"
  INNER JOIN "t24" AS "t26"
    ON "t21"."month" = "t26"."month" AND "t21"."child_id" = "t26"."child_id"
  INNER JOIN (
    SELECT
      "t30"."month",
      "t30"."child_id",
      MAX("t30"."ep_start") AS "placement_start",
      MAX("t30"."ep_start") FILTER(WHERE
        "t30"."rank" = 1) AS "previous_start"
    FROM (
      SELECT
        "t29"."month",
        "t29"."month_end",
        "t29"."month_index",
        "t29"."child_id",
        "t29"."district",
        "t29"."adoptive",
        "t29"."ep_child",
        "t29"."ep_start",
        "t29"."ep_reason",
        "t29"."care_start",
        ROW_NUMBER() OVER (
          PARTITION BY "t29"."month", "t29"."child_id"
          ORDER BY "t29"."ep_start" DESC
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) - 1 AS "rank"
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t21"."month",
            "t21"."month_end",
            "t21"."month_index",
            "t21"."child_id",
            "t21"."district",
            "t21"."adoptive",
            "t14"."ep_child",
            "t14"."ep_start",
            "t14"."ep_reason",
            "t27"."care_start"
          FROM (
            SELECT
              "t19"."month",
              "t19"."month_end",
              "t19"."month_index",
              "t19"."child_id",
              "t19"."district",
              CAST(CASE WHEN "t19"."placement_type" IN ('A3', 'A4', 'A5', 'A6') THEN 1 ELSE 0 END AS BIGINT) AS "adoptive"
            FROM (
              SELECT
                "t5"."month",
                "t5"."month_end",
                "t5"."month_index",
                "t18"."episode_id",
                "t18"."child_id",
                "t18"."team_id",
                "t18"."start_date",
                "t18"."end_date",
                "t18"."reason_new",
                "t18"."placement_type",
                "t18"."provider",
                "t18"."legal_status",
                "t18"."reason_ceased",
                "t18"."team_id_right",
                "t18"."district",
                "t18"."team_kind",
                "t6"."date_of_birth",
                "t6"."sex",
                "t6"."uasc",
                "t6"."family_id"
              FROM "memtable_1" AS "t5"
              INNER JOIN (
                SELECT
                  "t7"."episode_id",
                  "t7"."child_id",
                  "t7"."team_id",
                  "t7"."start_date",
                  "t7"."end_date",
                  "t7"."reason_new",
                  "t7"."placement_type",
                  "t7"."provider",
                  "t7"."legal_status",
                  "t7"."reason_ceased",
                  "t13"."team_id" AS "team_id_right",
                  "t13"."district",
                  "t13"."team_kind"
                FROM "care_episodes" AS "t7"
                LEFT OUTER JOIN (
                  SELECT
                    "t2"."team_id",
                    "t2"."district",
                    "t2"."kind" AS "team_kind"
                  FROM "teams" AS "t2"
                ) AS "t13"
                  ON "t7"."team_id" = "t13"."team_id"
              ) AS "t18"
                ON "t18"."start_date" <= "t5"."month_end"
                AND COALESCE("t18"."end_date", MAKE_DATE(9999, 12, 31)) > "t5"."month_end"
              INNER JOIN "children" AS "t6"
                ON "t18"."child_id" = "t6"."child_id"
            ) AS "t19"
            WHERE
              (
                (
                  CAST(EXTRACT(year FROM "t19"."month_end") AS BIGINT) - CAST(EXTRACT(year FROM "t19"."date_of_birth") AS BIGINT)
                ) - CAST(CASE
                  WHEN (
                    (
                      EXTRACT(month FROM "t19"."month_end") * 100
                    ) + EXTRACT(day FROM "t19"."month_end")
                  ) < (
                    (
                      EXTRACT(month FROM "t19"."date_of_birth") * 100
                    ) + EXTRACT(day FROM "t19"."date_of_birth")
                  )
                  THEN 1
                  ELSE 0
                END AS BIGINT)
              ) < 16
          ) AS "t21"
          INNER JOIN (
            SELECT
              "t4"."child_id" AS "ep_child",
              "t4"."start_date" AS "ep_start",
              "t4"."reason_new" AS "ep_reason"
            FROM "care_episodes" AS "t4"
          ) AS "t14"
            ON "t21"."child_id" = "t14"."ep_child" AND "t14"."ep_start" <= "t21"."month_end"
          INNER JOIN "t24" AS "t27"
            ON "t21"."month" = "t27"."month" AND "t21"."child_id" = "t27"."child_id"
        ) AS "t28"
        WHERE
          "t28"."ep_reason" IN ('S', 'P', 'B') AND "t28"."ep_start" >= "t28"."care_start"
      ) AS "t29"
    ) AS "t30"
    GROUP BY
      1,
      2
  ) AS "t32"
    ON "t21"."month" = "t32"."month" AND "t21"."child_id" = "t32"."child_id"
)
SELECT
  *
FROM (
  SELECT
    "t11"."month",
    "t16"."area",
    (
      COALESCE(CAST("t39"."numerator" AS DOUBLE), 0.0) / NULLIF(COALESCE(CAST("t39"."denominator" AS DOUBLE), 0.0), 0)
    ) * 100.0 AS "value",
    COALESCE(CAST("t39"."numerator" AS DOUBLE), 0.0) AS "numerator",
    COALESCE(CAST("t39"."denominator" AS DOUBLE), 0.0) AS "denominator"
  FROM (
    SELECT
      "t0"."month"
    FROM "memtable_1" AS "t0"
  ) AS "t11"
  CROSS JOIN (
    SELECT
      *
    FROM "memtable_2" AS "t1"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT DISTINCT
        "t2"."district" AS "area"
      FROM "teams" AS "t2"
      WHERE
        "t2"."district" IS NOT NULL
    ) AS "t12"
  ) AS "t16"
  LEFT OUTER JOIN (
    SELECT
      "t37"."month",
      "t37"."area",
      SUM("t37"."numerator") AS "numerator",
      SUM("t37"."denominator") AS "denominator"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t34"."month",
          "t34"."district",
          CAST(CASE
            WHEN (
              (
                "t34"."month_index" - (
                  (
                    (
                      CAST(EXTRACT(year FROM "t34"."placement_start") AS BIGINT) * 12
                    ) + CAST(EXTRACT(month FROM "t34"."placement_start") AS BIGINT)
                  ) - 1
                )
              ) >= 24
            )
            OR (
              (
                "t34"."adoptive" = 1
              )
              AND (
                (
                  "t34"."month_index" - (
                    (
                      (
                        CAST(EXTRACT(year FROM COALESCE("t34"."previous_start", "t34"."placement_start")) AS BIGINT) * 12
                      ) + CAST(EXTRACT(month FROM COALESCE("t34"."previous_start", "t34"."placement_start")) AS BIGINT)
                    ) - 1
                  )
                ) >= 24
              )
            )
            THEN 1
            ELSE 0
          END AS BIGINT) AS "numerator",
          1 AS "denominator",
          '' AS "area"
        FROM "t33" AS "t34"
        WHERE
          (
            "t34"."month_index" - (
              (
                (
                  CAST(EXTRACT(year FROM "t34"."care_start") AS BIGINT) * 12
                ) + CAST(EXTRACT(month FROM "t34"."care_start") AS BIGINT)
              ) - 1
            )
          ) >= 30
      ) AS "t35"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          "t34"."month",
          "t34"."district",
          CAST(CASE
            WHEN (
              (
                "t34"."month_index" - (
                  (
                    (
                      CAST(EXTRACT(year FROM "t34"."placement_start") AS BIGINT) * 12
                    ) + CAST(EXTRACT(month FROM "t34"."placement_start") AS BIGINT)
                  ) - 1
                )
              ) >= 24
            )
            OR (
              (
                "t34"."adoptive" = 1
              )
              AND (
                (
                  "t34"."month_index" - (
                    (
                      (
                        CAST(EXTRACT(year FROM COALESCE("t34"."previous_start", "t34"."placement_start")) AS BIGINT) * 12
                      ) + CAST(EXTRACT(month FROM COALESCE("t34"."previous_start", "t34"."placement_start")) AS BIGINT)
                    ) - 1
                  )
                ) >= 24
              )
            )
            THEN 1
            ELSE 0
          END AS BIGINT) AS "numerator",
          1 AS "denominator",
          "t34"."district" AS "area"
        FROM "t33" AS "t34"
        WHERE
          (
            "t34"."month_index" - (
              (
                (
                  CAST(EXTRACT(year FROM "t34"."care_start") AS BIGINT) * 12
                ) + CAST(EXTRACT(month FROM "t34"."care_start") AS BIGINT)
              ) - 1
            )
          ) >= 30
          AND "t34"."district" IS NOT NULL
      ) AS "t36"
    ) AS "t37"
    GROUP BY
      1,
      2
  ) AS "t39"
    ON "t11"."month" = "t39"."month" AND "t16"."area" = "t39"."area"
) AS "t40"
ORDER BY
  "t40"."month" ASC,
  "t40"."area" ASC

WITH "t31" AS (
  SELECT
    "t30"."episode_id",
    "t30"."child_id",
    "t30"."district",
    "t30"."start_date",
    "t30"."end_date",
    "t30"."placement_type",
    "t30"."date_of_birth",
    "t30"."care_start",
    "t30"."placement_start",
    "t30"."previous_start",
    CASE
      WHEN (
        (
          (
            CAST(EXTRACT(year FROM "t30"."start_date") AS BIGINT) * 12
          ) + CAST(EXTRACT(month FROM "t30"."start_date") AS BIGINT)
        ) - 1
      ) < 24234
      THEN 24234
      ELSE (
        (
          CAST(EXTRACT(year FROM "t30"."start_date") AS BIGINT) * 12
        ) + CAST(EXTRACT(month FROM "t30"."start_date") AS BIGINT)
      ) - 1
    END AS "lo",
    CASE
      WHEN COALESCE(
        (
          (
            (
              CAST(EXTRACT(year FROM "t30"."end_date") AS BIGINT) * 12
            ) + CAST(EXTRACT(month FROM "t30"."end_date") AS BIGINT)
          ) - 1
        ) - 1,
        24245
      ) > 24245
      THEN 24245
      ELSE COALESCE(
        (
          (
            (
              CAST(EXTRACT(year FROM "t30"."end_date") AS BIGINT) * 12
            ) + CAST(EXTRACT(month FROM "t30"."end_date") AS BIGINT)
          ) - 1
        ) - 1,
        24245
      )
    END AS "hi"
  FROM (
    SELECT
      "t5"."episode_id",
      "t5"."child_id",
      "t15"."district",
      "t5"."start_date",
      "t5"."end_date",
      "t5"."placement_type",
      "t18"."date_of_birth",
      "t29"."care_start",
      "t29"."placement_start",
      "t29"."previous_start"
    FROM "care_episodes" AS "t5"
    LEFT OUTER JOIN (
      SELECT
        "t2"."team_id",
        "t2"."district",
        "t2"."kind" AS "team_kind"
      FROM "teams" AS "t2"
    ) AS "t15"
      ON "t5"."team_id" = "t15"."team_id"
    INNER JOIN (
      SELECT
        "t4"."child_id",
        "t4"."date_of_birth"
      FROM "children" AS "t4"
    ) AS "t18"
      ON "t5"."child_id" = "t18"."child_id"
    INNER JOIN (
      SELECT
        "t27"."episode_id",
        MAX("t27"."care_start") AS "care_start",
        MAX("t27"."ep_start") AS "placement_start",
        MAX("t27"."ep_start") FILTER(WHERE
          "t27"."rank" = 1) AS "previous_start"
      FROM (
        SELECT
          "t26"."episode_id",
          "t26"."child_id",
          "t26"."own_start",
          "t26"."ep_child",
          "t26"."ep_start",
          "t26"."ep_reason",
          "t26"."care_start",
          ROW_NUMBER() OVER (
            PARTITION BY "t26"."episode_id"
            ORDER BY "t26"."ep_start" DESC
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) - 1 AS "rank"
        FROM (
          SELECT
            *
          FROM (
            SELECT
              "t16"."episode_id",
              "t16"."child_id",
              "t16"."own_start",
              "t17"."ep_child",
              "t17"."ep_start",
              "t17"."ep_reason",
              "t24"."care_start"
            FROM (
              SELECT
                "t3"."episode_id",
                "t3"."child_id",
                "t3"."start_date" AS "own_start"
              FROM "care_episodes" AS "t3"
            ) AS "t16"
            INNER JOIN (
              SELECT
                "t3"."child_id" AS "ep_child",
                "t3"."start_date" AS "ep_start",
                "t3"."reason_new" AS "ep_reason"
              FROM "care_episodes" AS "t3"
            ) AS "t17"
              ON "t16"."child_id" = "t17"."ep_child" AND "t17"."ep_start" <= "t16"."own_start"
            INNER JOIN (
              SELECT
                "t22"."episode_id",
                MAX("t22"."ep_start") AS "care_start"
              FROM (
                SELECT
                  *
                FROM (
                  SELECT
                    "t16"."episode_id",
                    "t16"."child_id",
                    "t16"."own_start",
                    "t17"."ep_child",
                    "t17"."ep_start",
                    "t17"."ep_reason"
                  FROM (
                    SELECT
                      "t3"."episode_id",
                      "t3"."child_id",
                      "t3"."start_date" AS "own_start"
                    FROM "care_episodes" AS "t3"
                  ) AS "t16"
                  INNER JOIN (
                    SELECT
                      "t3"."child_id" AS "ep_child",
                      "t3"."start_date" AS "ep_start",
                      "t3"."reason_new" AS "ep_reason"
                    FROM "care_episodes" AS "t3"
                  ) AS "t17"
                    ON "t16"."child_id" = "t17"."ep_child" AND "t17"."ep_start" <= "t16"."own_start"
                ) AS "t21"
                WHERE
                  "t21"."ep_reason" = 'S'
              ) AS "t22"
              GROUP BY
                1
            ) AS "t24"
              ON "t16"."episode_id" = "t24"."episode_id"
          ) AS "t25"
          WHERE
            "t25"."ep_reason" IN ('S', 'P', 'B') AND "t25"."ep_start" >= "t25"."care_start"
        ) AS "t26"
      ) AS "t27"
      GROUP BY
        1
    ) AS "t29"
      ON "t5"."episode_id" = "t29"."episode_id"
  ) AS "t30"
), "t35" AS (
  SELECT
    *
  FROM (
    SELECT
      "t32"."district",
      CASE
        WHEN "t32"."lo" < (
          (
            (
              (
                CAST(EXTRACT(year FROM "t32"."care_start") AS BIGINT) * 12
              ) + CAST(EXTRACT(month FROM "t32"."care_start") AS BIGINT)
            ) - 1
          ) + 30
        )
        THEN (
          (
            (
              CAST(EXTRACT(year FROM "t32"."care_start") AS BIGINT) * 12
            ) + CAST(EXTRACT(month FROM "t32"."care_start") AS BIGINT)
          ) - 1
        ) + 30
        ELSE "t32"."lo"
      END AS "lo",
      CASE
        WHEN "t32"."hi" > (
          (
            (
              (
                (
                  CAST(EXTRACT(year FROM "t32"."date_of_birth") AS BIGINT) * 12
                ) + CAST(EXTRACT(month FROM "t32"."date_of_birth") AS BIGINT)
              ) - 1
            ) + 192 + CAST(CASE
              WHEN (
                EXTRACT(month FROM "t32"."date_of_birth") = 2
              )
              AND (
                EXTRACT(day FROM "t32"."date_of_birth") = 29
              )
              AND NOT (
                (
                  (
                    (
                      CAST(EXTRACT(year FROM "t32"."date_of_birth") AS BIGINT) + 16
                    ) % 4
                  ) = 0
                )
                AND (
                  (
                    (
                      (
                        CAST(EXTRACT(year FROM "t32"."date_of_birth") AS BIGINT) + 16
                      ) % 100
                    ) <> 0
                  )
                  OR (
                    (
                      (
                        CAST(EXTRACT(year FROM "t32"."date_of_birth") AS BIGINT) + 16
                      ) % 400
                    ) = 0
                  )
                )
              )
              THEN 1
              ELSE 0
            END AS BIGINT)
          ) - 1
        )
        THEN (
          (
            (
              (
                CAST(EXTRACT(year FROM "t32"."date_of_birth") AS BIGINT) * 12
              ) + CAST(EXTRACT(month FROM "t32"."date_of_birth") AS BIGINT)
            ) - 1
          ) + 192 + CAST(CASE
            WHEN (
              EXTRACT(month FROM "t32"."date_of_birth") = 2
            )
            AND (
              EXTRACT(day FROM "t32"."date_of_birth") = 29
            )
            AND NOT (
              (
                (
                  (
                    CAST(EXTRACT(year FROM "t32"."date_of_birth") AS BIGINT) + 16
                  ) % 4
                ) = 0
              )
              AND (
                (
                  (
                    (
                      CAST(EXTRACT(year FROM "t32"."date_of_birth") AS BIGINT) + 16
                    ) % 100
                  ) <> 0
                )
                OR (
                  (
                    (
                      CAST(EXTRACT(year FROM "t32"."date_of_birth") AS BIGINT) + 16
                    ) % 400
                  ) = 0
                )
              )
            )
            THEN 1
            ELSE 0
          END AS BIGINT)
        ) - 1
        ELSE "t32"."hi"
      END AS "hi",
      'denominator' AS "column"
    FROM "t31" AS "t32"
    WHERE
      "t32"."lo" <= "t32"."hi"
  ) AS "t33"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      "t32"."district",
      CASE
        WHEN CASE
          WHEN "t32"."lo" < (
            (
              (
                (
                  CAST(EXTRACT(year FROM "t32"."care_start") AS BIGINT) * 12
                ) + CAST(EXTRACT(month FROM "t32"."care_start") AS BIGINT)
              ) - 1
            ) + 30
          )
          THEN (
            (
              (
                CAST(EXTRACT(year FROM "t32"."care_start") AS BIGINT) * 12
              ) + CAST(EXTRACT(month FROM "t32"."care_start") AS BIGINT)
            ) - 1
          ) + 30
          ELSE "t32"."lo"
        END < (
          (
            (
              (
                CAST(EXTRACT(year FROM CASE
                  WHEN "t32"."placement_type" IN ('A3', 'A4', 'A5', 'A6')
                  THEN COALESCE("t32"."previous_start", "t32"."placement_start")
                  ELSE "t32"."placement_start"
                END) AS BIGINT) * 12
              ) + CAST(EXTRACT(month FROM CASE
                WHEN "t32"."placement_type" IN ('A3', 'A4', 'A5', 'A6')
                THEN COALESCE("t32"."previous_start", "t32"."placement_start")
                ELSE "t32"."placement_start"
              END) AS BIGINT)
            ) - 1
          ) + 24
        )
        THEN (
          (
            (
              CAST(EXTRACT(year FROM CASE
                WHEN "t32"."placement_type" IN ('A3', 'A4', 'A5', 'A6')
                THEN COALESCE("t32"."previous_start", "t32"."placement_start")
                ELSE "t32"."placement_start"
              END) AS BIGINT) * 12
            ) + CAST(EXTRACT(month FROM CASE
              WHEN "t32"."placement_type" IN ('A3', 'A4', 'A5', 'A6')
              THEN COALESCE("t32"."previous_start", "t32"."placement_start")
              ELSE "t32"."placement_start"
            END) AS BIGINT)
          ) - 1
        ) + 24
        ELSE CASE
          WHEN "t32"."lo" < (
            (
              (
                (
                  CAST(EXTRACT(year FROM "t32"."care_start") AS BIGINT) * 12
                ) + CAST(EXTRACT(month FROM "t32"."care_start") AS BIGINT)
              ) - 1
            ) + 30
          )
          THEN (
            (
              (
                CAST(EXTRACT(year FROM "t32"."care_start") AS BIGINT) * 12
              ) + CAST(EXTRACT(month FROM "t32"."care_start") AS BIGINT)
            ) - 1
          ) + 30
          ELSE "t32"."lo"
        END
      END AS "lo",
      CASE
        WHEN "t32"."hi" > (
          (
            (
              (
                (
                  CAST(EXTRACT(year FROM "t32"."date_of_birth") AS BIGINT) * 12
                ) + CAST(EXTRACT(month FROM "t32"."date_of_birth") AS BIGINT)
              ) - 1
            ) + 192 + CAST(CASE
              WHEN (
                EXTRACT(month FROM "t32"."date_of_birth") = 2
              )
              AND (
                EXTRACT(day FROM "t32"."date_of_birth") = 29
              )
              AND NOT (
                (
                  (
                    (
                      CAST(EXTRACT(year FROM "t32"."date_of_birth") AS BIGINT) + 16
                    ) % 4
                  ) = 0
                )
                AND (
                  (
                    (
                      (
                        CAST(EXTRACT(year FROM "t32"."date_of_birth") AS BIGINT) + 16
                      ) % 100
                    ) <> 0
                  )
                  OR (
                    (
                      (
                        CAST(EXTRACT(year FROM "t32"."date_of_birth") AS BIGINT) + 16
                      ) % 400
                    ) = 0
                  )
                )
              )
              THEN 1
              ELSE 0
            END AS BIGINT)
          ) - 1
        )
        THEN (
          (
            (
              (
                CAST(EXTRACT(year FROM "t32"."date_of_birth") AS BIGINT) * 12
              ) + CAST(EXTRACT(month FROM "t32"."date_of_birth") AS BIGINT)
            ) - 1
          ) + 192 + CAST(CASE
            WHEN (
              EXTRACT(month FROM "t32"."date_of_birth") = 2
            )
            AND (
              EXTRACT(day FROM "t32"."date_of_birth") = 29
            )
            AND NOT (
              (
                (
                  (
                    CAST(EXTRACT(year FROM "t32"."date_of_birth") AS BIGINT) + 16
                  ) % 4
                ) = 0
              )
              AND (
                (
                  (
                    (
                      CAST(EXTRACT(year FROM "t32"."date_of_birth") AS BIGINT) + 16
                    ) % 100
                  ) <> 0
                )
                OR (
                  (
                    (
                      CAST(EXTRACT(year FROM "t32"."date_of_birth") AS BIGINT) + 16
                    ) % 400
                  ) = 0
                )
              )
            )
            THEN 1
            ELSE 0
          END AS BIGINT)
        ) - 1
        ELSE "t32"."hi"
      END AS "hi",
      'numerator' AS "column"
    FROM "t31" AS "t32"
    WHERE
      "t32"."lo" <= "t32"."hi"
  ) AS "t34"
), "t39" AS (
  SELECT
    *
  FROM (
    SELECT
      "t36"."district",
      "t36"."lo",
      "t36"."hi",
      "t36"."column",
      '' AS "area"
    FROM "t35" AS "t36"
    WHERE
      "t36"."lo" <= "t36"."hi"
  ) AS "t37"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      "t36"."district",
      "t36"."lo",
      "t36"."hi",
      "t36"."column",
      "t36"."district" AS "area"
    FROM "t35" AS "t36"
    WHERE
      "t36"."lo" <= "t36"."hi" AND "t36"."district" IS NOT NULL
  ) AS "t38"
)
SELECT
  *
FROM (
  SELECT
    "t12"."month",
    "t20"."area",
    (
      COALESCE(CAST("t47"."numerator" AS DOUBLE), 0.0) / NULLIF(COALESCE(CAST("t47"."denominator" AS DOUBLE), 0.0), 0)
    ) * 100.0 AS "value",
    COALESCE(CAST("t47"."numerator" AS DOUBLE), 0.0) AS "numerator",
    COALESCE(CAST("t47"."denominator" AS DOUBLE), 0.0) AS "denominator"
  FROM (
    SELECT
      "t0"."month"
    FROM "memtable_1" AS "t0"
  ) AS "t12"
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
    ) AS "t14"
  ) AS "t20"
  LEFT OUTER JOIN (
    SELECT
      "t13"."month",
      "t20"."area",
      SUM(COALESCE("t45"."numerator", 0)) OVER (
        PARTITION BY "t20"."area"
        ORDER BY "t13"."month_index" ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
      ) AS "numerator",
      SUM(COALESCE("t45"."denominator", 0)) OVER (
        PARTITION BY "t20"."area"
        ORDER BY "t13"."month_index" ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
      ) AS "denominator"
    FROM (
      SELECT
        "t0"."month",
        "t0"."month_index"
      FROM "memtable_1" AS "t0"
    ) AS "t13"
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
      ) AS "t14"
    ) AS "t20"
    LEFT OUTER JOIN (
      SELECT
        "t43"."area",
        "t43"."month_index",
        COALESCE(SUM("t43"."change") FILTER(WHERE
          "t43"."column" = 'numerator'), 0) AS "numerator",
        COALESCE(SUM("t43"."change") FILTER(WHERE
          "t43"."column" = 'denominator'), 0) AS "denominator"
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t40"."area",
            "t40"."column",
            "t40"."lo" AS "month_index",
            1 AS "change"
          FROM "t39" AS "t40"
        ) AS "t41"
        UNION ALL
        SELECT
          *
        FROM (
          SELECT
            "t40"."area",
            "t40"."column",
            "t40"."hi" + 1 AS "month_index",
            -1 AS "change"
          FROM "t39" AS "t40"
        ) AS "t42"
      ) AS "t43"
      GROUP BY
        1,
        2
    ) AS "t45"
      ON "t20"."area" = "t45"."area" AND "t13"."month_index" = "t45"."month_index"
  ) AS "t47"
    ON "t12"."month" = "t47"."month" AND "t20"."area" = "t47"."area"
) AS "t48"
ORDER BY
  "t48"."month" ASC,
  "t48"."area" ASC

SELECT
  *
FROM (
  SELECT
    "t11"."month",
    "t15"."area",
    CAST(COALESCE(CAST("t23"."numerator" AS DOUBLE PRECISION), 0.0) AS DOUBLE PRECISION) / NULLIF(COALESCE(CAST("t23"."denominator" AS DOUBLE PRECISION), 0.0), 0) AS "value",
    COALESCE(CAST("t23"."numerator" AS DOUBLE PRECISION), 0.0) AS "numerator",
    COALESCE(CAST("t23"."denominator" AS DOUBLE PRECISION), 0.0) AS "denominator"
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
  ) AS "t15"
  LEFT OUTER JOIN (
    SELECT
      "t21"."month",
      "t21"."area",
      SUM("t21"."n") OVER (
        PARTITION BY "t21"."area"
        ORDER BY "t21"."month" ASC
        ROWS BETWEEN 11 preceding AND CURRENT ROW
      ) AS "numerator",
      SUM("t21"."d") OVER (
        PARTITION BY "t21"."area"
        ORDER BY "t21"."month" ASC
        ROWS BETWEEN 11 preceding AND CURRENT ROW
      ) AS "denominator"
    FROM (
      SELECT
        "t6"."month",
        "t15"."area",
        COALESCE("t20"."n", 0) AS "n",
        COALESCE("t20"."d", 0) AS "d"
      FROM "memtable_3" AS "t6"
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
      ) AS "t15"
      LEFT OUTER JOIN (
        SELECT
          "t18"."month",
          "t18"."area",
          SUM("t18"."numerator") AS "n",
          SUM("t18"."denominator") AS "d"
        FROM (
          SELECT
            "t17"."district",
            "t17"."month",
            "t17"."numerator",
            "t17"."denominator",
            "t17"."area"
          FROM (
            SELECT
              "t16"."district",
              "t16"."month",
              "t16"."numerator",
              "t16"."denominator",
              "t16"."spread_copy",
              CASE WHEN "t16"."spread_copy" = 0 THEN '' ELSE "t16"."district" END AS "area"
            FROM (
              SELECT
                "t13"."district",
                MAKE_DATE(
                  CAST(EXTRACT(year FROM "t7"."adoption_date") AS INT),
                  CAST(EXTRACT(month FROM "t7"."adoption_date") AS INT),
                  CAST(1 AS INT)
                ) AS "month",
                CAST(EXTRACT(epoch FROM CAST("t7"."placed_date" AS TIMESTAMP) - CAST("t7"."entered_care_date" AS TIMESTAMP)) / 86400 AS BIGINT) AS "numerator",
                1 AS "denominator",
                "t8"."spread_copy"
              FROM "adoptions" AS "t7"
              LEFT OUTER JOIN (
                SELECT
                  "t2"."team_id",
                  "t2"."district",
                  "t2"."kind" AS "team_kind"
                FROM "teams" AS "t2"
              ) AS "t13"
                ON "t7"."team_id" = "t13"."team_id"
              CROSS JOIN "memtable_4" AS "t8"
            ) AS "t16"
            WHERE
              (
                "t16"."spread_copy" = 0
              ) OR (
                "t16"."district" IS NOT NULL
              )
          ) AS "t17"
        ) AS "t18"
        GROUP BY
          1,
          2
      ) AS "t20"
        ON "t6"."month" = "t20"."month" AND "t15"."area" = "t20"."area"
    ) AS "t21"
  ) AS "t23"
    ON "t11"."month" = "t23"."month" AND "t15"."area" = "t23"."area"
) AS "t24"
ORDER BY
  "t24"."month" ASC,
  "t24"."area" ASC

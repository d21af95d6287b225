SELECT
  [t27].[month],
  [t27].[area],
  [t27].[value],
  [t27].[numerator],
  [t27].[denominator]
FROM (
  SELECT
    [t11].[month],
    [t15].[area],
    (
      CAST(COALESCE(CAST([t26].[numerator] AS FLOAT), 0.0) AS FLOAT) / NULLIF(COALESCE(CAST([t26].[denominator] AS FLOAT), 0.0), 0)
    ) * 100.0 AS [value],
    COALESCE(CAST([t26].[numerator] AS FLOAT), 0.0) AS [numerator],
    COALESCE(CAST([t26].[denominator] AS FLOAT), 0.0) AS [denominator]
  FROM (
    SELECT
      [t0].[month]
    FROM [memtable_1] AS [t0]
  ) AS [t11]
  CROSS JOIN (
    SELECT
      *
    FROM [memtable_2] AS [t1]
    UNION ALL
    SELECT
      *
    FROM (
      SELECT DISTINCT
        [t2].[district] AS [area]
      FROM [teams] AS [t2]
      WHERE
        [t2].[district] IS NOT NULL
    ) AS [t12]
  ) AS [t15]
  LEFT OUTER JOIN (
    SELECT
      [t24].[month],
      [t24].[area],
      SUM([t24].[n]) OVER (
        PARTITION BY [t24].[area]
        ORDER BY CASE WHEN [t24].[month] IS NULL THEN 1 ELSE 0 END, [t24].[month] ASC
        ROWS BETWEEN 11 preceding AND CURRENT ROW
      ) AS [numerator],
      SUM([t24].[d]) OVER (
        PARTITION BY [t24].[area]
        ORDER BY CASE WHEN [t24].[month] IS NULL THEN 1 ELSE 0 END, [t24].[month] ASC
        ROWS BETWEEN 11 preceding AND CURRENT ROW
      ) AS [denominator]
    FROM (
      SELECT
        [t6].[month],
        [t15].[area],
        COALESCE([t23].[n], 0) AS [n],
        COALESCE([t23].[d], 0) AS [d]
      FROM [memtable_3] AS [t6]
      CROSS JOIN (
        SELECT
          *
        FROM [memtable_2] AS [t1]
        UNION ALL
        SELECT
          *
        FROM (
          SELECT DISTINCT
            [t2].[district] AS [area]
          FROM [teams] AS [t2]
          WHERE
            [t2].[district] IS NOT NULL
        ) AS [t12]
      ) AS [t15]
      LEFT OUTER JOIN (
        SELECT
          [t21].[month],
          [t21].[area],
          SUM([t21].[numerator]) AS [n],
          SUM([t21].[denominator]) AS [d]
        FROM (
          SELECT
            [t20].[district],
            [t20].[month],
            [t20].[numerator],
            [t20].[denominator],
            [t20].[area]
          FROM (
            SELECT
              [t19].[district],
              [t19].[month],
              [t19].[numerator],
              [t19].[denominator],
              [t19].[spread_copy],
              IIF([t19].[spread_copy] = 0, '', [t19].[district]) AS [area]
            FROM (
              SELECT
                [t18].[district],
                [t18].[month],
                [t18].[numerator],
                [t18].[denominator],
                [t7].[spread_copy]
              FROM (
                SELECT
                  [t16].[district],
                  DATEFROMPARTS(DATEPART(year, [t16].[audit_date]), DATEPART(month, [t16].[audit_date]), 1) AS [month],
                  CAST(IIF([t16].[grade] IN ('good', 'outstanding'), 1, 0) AS BIGINT) AS [numerator],
                  1 AS [denominator]
                FROM (
                  SELECT
                    [t8].[audit_id],
                    [t8].[child_id],
                    [t8].[team_id],
                    [t8].[service],
                    [t8].[audit_date],
                    [t8].[grade],
                    [t13].[team_id] AS [team_id_right],
                    [t13].[district],
                    [t13].[team_kind]
                  FROM [audits] AS [t8]
                  LEFT OUTER JOIN (
                    SELECT
                      [t2].[team_id],
                      [t2].[district],
                      [t2].[kind] AS [team_kind]
                    FROM [teams] AS [t2]
                  ) AS [t13]
                    ON [t8].[team_id] = [t13].[team_id]
                ) AS [t16]
                WHERE
                  [t16].[service] = 'scs'
              ) AS [t18]
              CROSS JOIN [memtable_4] AS [t7]
            ) AS [t19]
            WHERE
              (
                [t19].[spread_copy] = 0
              ) OR (
                [t19].[district] IS NOT NULL
              )
          ) AS [t20]
        ) AS [t21]
        GROUP BY
          [t21].[month],
          [t21].[area]
      ) AS [t23]
        ON [t6].[month] = [t23].[month] AND [t15].[area] = [t23].[area]
    ) AS [t24]
  ) AS [t26]
    ON [t11].[month] = [t26].[month] AND [t15].[area] = [t26].[area]
) AS [t27]
ORDER BY
  CASE WHEN [t27].[month] IS NULL THEN 1 ELSE 0 END, [t27].[month] ASC,
  CASE WHEN [t27].[area] IS NULL THEN 1 ELSE 0 END, [t27].[area] ASC
